import { describe, expect, it } from 'vitest';
import type { Viewer } from '@civic/identity';
import { readsAsAnalyst, readsPersonalFacts, readsPersonRow, requirePersonalFactReader } from '../src/personal-facts.ts';
import { forbidden } from '../src/errors.ts';

const resident = { id: 'r1', organisationPath: ['d1', 's1', 'c1'] };
const refusal = () => forbidden("read another resident's votes");

function viewer(overrides: Partial<Viewer>): Viewer {
  return { subject: 'someone', residentId: null, roles: ['RESIDENT'], scope: [], ...overrides };
}

describe('readsPersonalFacts', () => {
  it('lets the resident read their own facts, and no other resident', () => {
    expect(readsPersonalFacts(viewer({ residentId: 'r1' }), resident)).toBe(true);
    expect(readsPersonalFacts(viewer({ residentId: 'r2', roles: ['RESIDENT', 'VOLUNTEER'] }), resident)).toBe(false);
  });

  it('lets staff whose scope covers where the resident lives read them, and no other staff', () => {
    expect(readsPersonalFacts(viewer({ roles: ['GRID_WORKER'], scope: ['c1'] }), resident)).toBe(true);
    expect(readsPersonalFacts(viewer({ roles: ['STREET_ADMIN'], scope: ['s1'] }), resident)).toBe(true);
    expect(readsPersonalFacts(viewer({ roles: ['COMMUNITY_WORKER'], scope: ['c2'] }), resident)).toBe(false);
  });

  it('gives a scope no weight without a staff role', () => {
    expect(readsPersonalFacts(viewer({ roles: ['PARTY_MEMBER'], scope: ['c1'] }), resident)).toBe(false);
  });

  it('lets services read them, and not analysts', () => {
    expect(readsPersonalFacts(viewer({ roles: ['SERVICE'] }), resident)).toBe(true);
    expect(readsPersonalFacts(viewer({ roles: ['ANALYST'] }), resident)).toBe(false);
  });
});

describe('requirePersonalFactReader', () => {
  it('refuses an anonymous caller as unauthenticated and anyone else who may not read with the refusal given', () => {
    expect(() => requirePersonalFactReader(viewer({ subject: null, roles: [] }), resident, refusal)).toThrow('Sign in to do this');
    expect(() => requirePersonalFactReader(viewer({ residentId: 'r2' }), resident, refusal)).toThrow("You may not read another resident's votes");
    expect(() => requirePersonalFactReader(viewer({ residentId: 'r1' }), resident, refusal)).not.toThrow();
  });
});

describe('rows about a person', () => {
  it('reads as an analyst only without a staff or service role', () => {
    expect(readsAsAnalyst(viewer({ roles: ['ANALYST'] }))).toBe(true);
    expect(readsAsAnalyst(viewer({ roles: ['ANALYST', 'COMMUNITY_WORKER'], scope: ['c2'] }))).toBe(false);
    expect(readsAsAnalyst(viewer({ roles: ['ANALYST', 'SERVICE'] }))).toBe(false);
  });

  it('gives a masked row to any signed-in caller but an analyst, and the full row to its readers', () => {
    expect(readsPersonRow(viewer({ residentId: 'r2' }), resident)).toBe(true);
    expect(readsPersonRow(viewer({ roles: ['ANALYST'] }), resident)).toBe(false);
    expect(readsPersonRow(viewer({ roles: ['ANALYST'], residentId: 'r1' }), resident)).toBe(true);
  });
});
