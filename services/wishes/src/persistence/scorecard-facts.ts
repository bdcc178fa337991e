import type { Types } from 'mongoose';
import { chinaMonthKey, type MonthPeriod } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { ScorecardRollupDocument } from '../models/scorecard-rollup.ts';
import { addFacts, noFacts, type DurationCounts, type ScorecardFacts } from '../domain/scorecard.ts';
import type { ScorecardSide } from '../domain/scorecard-contribution.ts';
import type { ScorecardMetric } from '../domain/scorecard-ranking.ts';

/**
 * The facts of many units' scorecards on one side: their rollups of the period's months, one
 * range of the index `{ side, unitId, month }` per unit, added up. One read whatever the number of
 * units or wishes; overdue requests are counted in the rollups as of the last deadline sweep.
 */

/** The rollup fields each ranking figure is computed from: a ranking reads only those for every unit. */
export const METRIC_ROLLUP_FIELDS: Readonly<Record<ScorecardMetric, readonly string[]>> = {
  HANDLED: ['requests'],
  CLAIMED: ['wishes'],
  RESOLVED: ['resolved'],
  FULFILLED: ['fulfilled'],
  OVERDUE: ['overdue'],
  MEDIAN_HOURS_TO_ACKNOWLEDGE: ['acknowledgeHours'],
  MEDIAN_HOURS_TO_RESOLVE: ['resolveHours'],
  ON_TIME_RATE: ['timed', 'onTime'],
  MEAN_RATING: ['star1', 'star2', 'star3', 'star4', 'star5'],
  REOPEN_RATE: ['everCompleted', 'reopened'],
  ESCALATIONS: ['escalations'],
};

export async function scorecardFacts(
  models: Models,
  side: ScorecardSide,
  units: readonly Types.ObjectId[],
  period: Pick<MonthPeriod, 'start' | 'end'>,
  onlyFor: ScorecardMetric | null = null,
): Promise<Map<string, ScorecardFacts>> {
  // Only the figure ranked by, when asked: the rest of a rollup (its duration counts above all) is
  // most of what a district's ranking would read, and is wanted only for a page's units.
  const projection = onlyFor ? Object.fromEntries(['unitId', 'month', ...METRIC_ROLLUP_FIELDS[onlyFor]].map((field) => [field, 1])) : null;
  const rollups = await models.ScorecardRollup.find(
    {
      side,
      unitId: { $in: units },
      month: { $gte: chinaMonthKey(period.start), $lte: chinaMonthKey(new Date(period.end.getTime() - 1)) },
    },
    projection,
  )
    // The one index that answers it. Measured on a district's rollups (116 companies, a year): the
    // embedded server took 0.85 to 1.6 s unhinted for a side without rollups of these units, 0.3 to
    // 0.5 s hinted; the other side 0.1 to 0.4 s either way.
    .hint({ side: 1, unitId: 1, month: 1 })
    .lean<ScorecardRollupDocument[]>();
  const facts = new Map(units.map((unit) => [unit.toHexString(), noFacts()]));
  for (const rollup of rollups) {
    const unit = rollup.unitId.toHexString();
    facts.set(unit, addFacts(facts.get(unit)!, rollupFacts(rollup, side)));
  }
  return facts;
}

function durations(counts: Record<string, number> | undefined): DurationCounts {
  return new Map(Object.entries(counts ?? {}).map(([key, count]) => [Number(key.slice(1)), count]));
}

/** One rollup's facts; a claimant's wishes count as claimed, a handler's or agreement's requests as handled. */
function rollupFacts(rollup: ScorecardRollupDocument, side: ScorecardSide): ScorecardFacts {
  const number = (value: number | undefined) => value ?? 0;
  return {
    handled: side === 'CLAIMANT' ? 0 : number(rollup.requests),
    claimed: side === 'CLAIMANT' ? number(rollup.wishes) : 0,
    resolved: number(rollup.resolved),
    fulfilled: number(rollup.fulfilled),
    open: number(rollup.open),
    overdue: number(rollup.overdue),
    acknowledgeHours: durations(rollup.acknowledgeHours),
    resolveHours: durations(rollup.resolveHours),
    timed: number(rollup.timed),
    onTime: number(rollup.onTime),
    ratingCells: [{ side, month: rollup.month, stars: [number(rollup.star1), number(rollup.star2), number(rollup.star3), number(rollup.star4), number(rollup.star5)] }],
    everCompleted: number(rollup.everCompleted),
    reopened: number(rollup.reopened),
    escalations: number(rollup.escalations),
    outcomes: {
      recorded: number(rollup.outcomes),
      households: number(rollup.households),
      persons: number(rollup.persons),
      partnerIds: Object.entries(rollup.partners ?? {}).flatMap(([id, count]) => (count > 0 ? [id] : [])),
      quantities: Object.values(rollup.quantities ?? {}).flatMap(({ item, unit, amount, count }) => (count > 0 ? [{ item, unit, amount }] : [])),
    },
  };
}
