import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { startStack, type Stack } from '@civic/test-harness';
import { CALLERS, MATRIX, MATRIX_CELLS, type Caller } from './matrix.ts';
import { outcomeOf } from './outcomes.ts';
import { aSubjectWithEveryFact, type SubjectFacts } from './subject.ts';

// Every personal field and list of the five departments, read through the gateway by every kind of
// caller, against facts made by real mutations; each cell compares the exact outcome.
const clock = new ManualClock(new Date('2030-09-01T01:00:00.000Z'));
let stack: Stack;
let facts: SubjectFacts;

beforeAll(async () => {
  stack = await startStack({ clock });
  facts = await aSubjectWithEveryFact(stack, clock);
}, 180_000);

afterAll(() => stack.stop());

/** The caller's token; `the resident` is the row's subject. */
async function tokenOf(caller: Caller, subjectId: string): Promise<string | undefined> {
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'the resident':
      return stack.token({ roles: ['RESIDENT'], residentId: subjectId });
    case 'another resident':
      return stack.token({ roles: ['RESIDENT'], residentId: facts.neighbourId });
    case 'volunteer':
      return stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: facts.volunteerId });
    case 'grid worker in scope':
      return stack.token({ subject: 'staff:grid-worker', roles: ['GRID_WORKER'], scope: [facts.world.communityId] });
    case 'community worker out of scope':
      return stack.token({ subject: 'staff:elsewhere', roles: ['COMMUNITY_WORKER'], scope: [facts.otherCommunityId] });
    case 'street admin':
      return stack.token({ subject: 'staff:street', roles: ['STREET_ADMIN'], scope: [facts.world.streetId] });
    case 'analyst':
      return stack.token({ subject: 'analyst:zhou', roles: ['ANALYST'] });
    case 'service':
      return stack.token({ subject: 'service:notifications', roles: ['SERVICE'] });
  }
}

describe('personal data by role and field', () => {
  it('has a row for every personal field and a column for every kind of caller', () => {
    expect(new Set(MATRIX.map((row) => row.field)).size).toBe(MATRIX.length);
    expect(MATRIX_CELLS).toBe(MATRIX.length * 9);
  });

  describe.each(MATRIX.map((row) => [row.field, row] as const))('%s', (_field, row) => {
    it.each(CALLERS.map((caller) => [caller]))('as %s', async (caller) => {
      const expected = row.expected(facts)[caller];
      const response = await stack.query(row.query, row.variables(facts), { token: await tokenOf(caller, row.subject(facts)) });
      expect(outcomeOf(response, row.path, expected)).toEqual(expected);
    });
  });
});
