import { describe, expect, it } from 'vitest';
import { IntendedChangesError, parseIntendedChanges, withoutIntendedChanges } from '../../src/schema-check/intended-changes.ts';

const SOURCE = 'infra/schema-changes.yaml';

describe('intended changes', () => {
  it('read each path with its reason', () => {
    const yaml = 'intended:\n  - path: Resident.phone\n    reason: "  Phones move to Resident.contact.  "\n  - path: WishStatus.ROUTED\n    reason: Routing is a request step.\n';
    expect(parseIntendedChanges(yaml, SOURCE)).toEqual([
      { path: 'Resident.phone', reason: 'Phones move to Resident.contact.' },
      { path: 'WishStatus.ROUTED', reason: 'Routing is a request step.' },
    ]);
  });

  it('refuse an entry without a path or a reason, a path listed twice, and a missing list', () => {
    const refusal = (yaml: string) => () => parseIntendedChanges(yaml, SOURCE);
    expect(refusal('intended:\n  - reason: Gone.\n')).toThrow(new IntendedChangesError('infra/schema-changes.yaml: entry 1 has no path (such as Resident.phone)'));
    expect(refusal('intended:\n  - path: Resident.phone\n')).toThrow(new IntendedChangesError('infra/schema-changes.yaml: Resident.phone has no reason'));
    expect(refusal('intended:\n  - { path: Resident.phone, reason: a }\n  - { path: Resident.phone, reason: b }\n')).toThrow(
      new IntendedChangesError('infra/schema-changes.yaml: Resident.phone is listed twice'),
    );
    expect(refusal('# nothing yet\n')).toThrow(new IntendedChangesError('infra/schema-changes.yaml: "intended" must be a list (empty: [])'));
  });

  it('are emptied by a release, which keeps the comments', () => {
    const yaml = '# Why this file exists.\nintended:\n  - path: Resident.phone\n    reason: Gone.\n';
    expect(withoutIntendedChanges(yaml)).toBe('# Why this file exists.\nintended: []\n');
    expect(parseIntendedChanges(withoutIntendedChanges(yaml), SOURCE)).toEqual([]);
  });
});
