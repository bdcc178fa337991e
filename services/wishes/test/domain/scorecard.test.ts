import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { addFacts, medianHours, noFacts, rate, ratingSpread, scorecardFigures, standardDeviation, type ScorecardFacts } from '../../src/domain/scorecard.ts';
import { rankUnits } from '../../src/domain/scorecard-ranking.ts';
import { withHandler } from '../../src/domain/handler-history.ts';

const facts = (overrides: Partial<ScorecardFacts>): ScorecardFacts => ({ ...noFacts(), ...overrides });
/** Durations given in hours, counted in hundredths of an hour as the rollups keep them. */
const hours = (...values: number[]) => {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value * 100), (counts.get(Math.round(value * 100)) ?? 0) + 1);
  return counts;
};

describe('scorecard figures', () => {
  it('takes exact medians of hours rounded to hundredths: the middle one, or the mean of the two middle ones', () => {
    const figures = scorecardFigures(facts({ acknowledgeHours: hours(3, 1, 2), resolveHours: hours(10, 60), handled: 3 }), 'WHOLE');
    expect([figures.medianHoursToAcknowledge, figures.medianHoursToResolve]).toEqual([2, 35]);
    expect(scorecardFigures(facts({ resolveHours: hours(1 / 3) }), 'WHOLE').medianHoursToResolve).toBe(0.33);
    // Repeated durations count once each: 1, 1, 1, 4 has its middle at 1; 1, 4, 4, 9 at 4.
    expect(medianHours(hours(1, 1, 4, 1))).toBe(1);
    expect(medianHours(hours(4, 9, 1, 4))).toBe(4);
    expect(medianHours(hours(0.25, 0.5))).toBe(0.375);
    expect(medianHours(new Map([[150, 0]]))).toBe(null);
    expect(scorecardFigures(noFacts(), 'WHOLE').medianHoursToAcknowledge).toBe(null);
  });

  it('gives the on-time and reopen rates to thousandths, null without a denominator', () => {
    expect(rate(2, 3)).toBe(0.667);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBe(null);
    const figures = scorecardFigures(facts({ timed: 3, onTime: 1, everCompleted: 8, reopened: 1 }), 'WHOLE');
    expect([figures.onTimeRate, figures.reopenRate]).toEqual([0.333, 0.125]);
  });

  it('spreads ratings per star with their mean and population standard deviation', () => {
    expect(standardDeviation([2, 5])).toBe(1.5);
    expect(standardDeviation([])).toBe(null);
    expect(ratingSpread([{ side: 'HANDLER', month: '2026-04', stars: [1, 0, 2, 0, 1] }], 'WHOLE')).toEqual({
      count: 4,
      mean: 3,
      standardDeviation: 1.41,
      perStar: [
        { stars: 1, count: 1 },
        { stars: 2, count: 0 },
        { stars: 3, count: 2 },
        { stars: 4, count: 0 },
        { stars: 5, count: 1 },
      ],
      minimumGroupSize: null,
      withheldCells: 0,
    });
  });

  it('adds a handler side and a claimant side of one organisation', () => {
    const handling = { side: 'HANDLER', month: '2026-04', stars: [0, 1, 0, 0, 0] } as const;
    const claiming = { side: 'CLAIMANT', month: '2026-04', stars: [0, 0, 0, 0, 2] } as const;
    const sum = addFacts(facts({ handled: 2, resolveHours: hours(1, 3), ratingCells: [handling], escalations: 1 }), facts({ claimed: 3, resolveHours: hours(3), ratingCells: [claiming] }));
    expect(sum).toEqual(facts({ handled: 2, claimed: 3, resolveHours: hours(1, 3, 3), ratingCells: [handling, claiming], escalations: 1 }));
  });
});

describe('ranking units', () => {
  const unit = (id: string, overrides: Partial<ScorecardFacts>) => ({ id, figures: scorecardFigures(facts(overrides), 'WHOLE') });
  const units = [
    unit('c', { timed: 2, onTime: 1, resolveHours: hours(5) }),
    unit('a', {}),
    unit('d', { timed: 1, onTime: 1, resolveHours: hours(9) }),
    unit('b', { timed: 4, onTime: 2, resolveHours: hours(5) }),
  ];

  it('puts the better figure first, a unit without it last, and ties in id order', () => {
    expect(rankUnits(units, 'ON_TIME_RATE').map((ranked) => [ranked.rank, ranked.unit.id])).toEqual([
      [1, 'd'],
      [2, 'b'],
      [3, 'c'],
      [4, 'a'],
    ]);
    expect(rankUnits(units, 'MEDIAN_HOURS_TO_RESOLVE').map((ranked) => ranked.unit.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(rankUnits(units, 'OVERDUE').map((ranked) => ranked.unit.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the handler history', () => {
  const first = new Types.ObjectId();
  const second = new Types.ObjectId();

  it('adds a new handler once, and starts an older wish from its handler of then', () => {
    expect(withHandler({ handlerIds: [first], handlerId: first }, second.toHexString())).toEqual([first, second]);
    expect(withHandler({ handlerIds: [first, second], handlerId: second }, first.toHexString())).toEqual([first, second]);
    expect(withHandler({ handlerId: first }, second.toHexString())).toEqual([first, second]);
    expect(withHandler({ handlerIds: [], handlerId: null }, first.toHexString())).toEqual([first]);
  });
});
