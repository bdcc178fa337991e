import { describe, expect, it } from 'vitest';
import { coverageOf, deadlineOf, deadlineViolation, isFullyCovered, visitTimeViolation, withVisit, type Standing } from '../src/domain/mobilisation-rules.ts';

const START = new Date('2026-11-30T01:00:00.000Z');
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

describe('the deadline', () => {
  it('is 3 hours after the start unless given', () => {
    expect(deadlineOf(START, null)).toEqual(new Date('2026-11-30T04:00:00.000Z'));
    expect(deadlineOf(START, minutes(90))).toEqual(minutes(90));
  });

  it('lies after the start and within 7 days of it', () => {
    expect(deadlineViolation(START, minutes(1))).toBe(null);
    expect(deadlineViolation(START, START)).toEqual({ field: 'deadline', message: 'must be after the start' });
    expect(deadlineViolation(START, minutes(7 * 24 * 60))).toBe(null);
    expect(deadlineViolation(START, minutes(7 * 24 * 60 + 1))).toEqual({ field: 'deadline', message: 'must be within 7 days of the start' });
  });
});

describe('a visit', () => {
  it('happened between the start and now', () => {
    expect(visitTimeViolation(START, START, minutes(5))).toBe(null);
    expect(visitTimeViolation(START, minutes(-1), minutes(5))).toEqual({ field: 'at', message: 'must not be before the mobilisation started' });
    expect(visitTimeViolation(START, minutes(6), minutes(5))).toEqual({ field: 'at', message: 'must not be in the future' });
  });

  it("sets a household's standing to its latest visit by time of visit, whatever the order recorded", () => {
    const notAtHome: Standing = { householdId: 'h1', outcome: 'NOT_AT_HOME', at: minutes(10) };
    const reached: Standing = { householdId: 'h1', outcome: 'REACHED', at: minutes(40) };
    const other: Standing = { householdId: 'h2', outcome: 'REFUSED', at: minutes(20) };
    expect(withVisit(withVisit([other], notAtHome), reached)).toEqual([other, reached]);
    expect(withVisit(withVisit([other], reached), notAtHome)).toEqual([other, reached]);
  });
});

describe('coverage', () => {
  const standings: Standing[] = [
    { householdId: 'h1', outcome: 'REACHED', at: minutes(10) },
    { householdId: 'h2', outcome: 'NOT_AT_HOME', at: minutes(20) },
    { householdId: 'h3', outcome: 'REFUSED', at: minutes(30) },
  ];

  it('counts each household by its standing, answered ones (reached or refused) over all as the share', () => {
    expect(coverageOf(4, standings)).toEqual({ households: 4, reached: 1, notAtHome: 1, refused: 1, unvisited: 1, share: 0.5 });
    expect(coverageOf(3, [standings[0]!])).toEqual({ households: 3, reached: 1, notAtHome: 0, refused: 0, unvisited: 2, share: 0.3333 });
  });

  it('is full when every household answered, a refusal included, and not while one was not at home', () => {
    expect(isFullyCovered(coverageOf(3, standings))).toBe(false);
    expect(isFullyCovered(coverageOf(2, [standings[0]!, standings[2]!]))).toBe(true);
  });
});
