import type { PipelineStage, Types } from 'mongoose';
import { chinaMonthKey, timeBetween, type MonthPeriod } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { ScorecardRollupDocument } from '../models/scorecard-rollup.ts';
import { addFacts, noFacts, type DurationCounts, type ScorecardFacts } from '../domain/scorecard.ts';
import { OPEN_STATUSES, type ScorecardSide } from '../domain/scorecard-contribution.ts';

/**
 * The facts of many units' scorecards on one side: their rollups of the period's months, one
 * range of the index `{ side, unitId, month }` per unit, added up; and, since being overdue
 * depends on the moment asked, one count of their open wishes past their deadline (only open
 * wishes have one), from the index of each unit's deadlines.
 */

const UNIT_FIELD: Readonly<Record<ScorecardSide, string>> = { HANDLER: 'handlerIds', CLAIMANT: 'claimantId', AGREEMENT: 'agreementId' };

export async function scorecardFacts(
  models: Models,
  side: ScorecardSide,
  units: readonly Types.ObjectId[],
  period: Pick<MonthPeriod, 'start' | 'end'>,
  now: Date,
): Promise<Map<string, ScorecardFacts>> {
  const [rollups, overdue] = await Promise.all([
    models.ScorecardRollup.find({
      side,
      unitId: { $in: units },
      month: { $gte: chinaMonthKey(period.start), $lte: chinaMonthKey(new Date(period.end.getTime() - 1)) },
    }).lean<ScorecardRollupDocument[]>(),
    overdueWishes(models, side, units, period, now),
  ]);
  const facts = new Map(units.map((unit) => [unit.toHexString(), noFacts()]));
  for (const rollup of rollups) {
    const unit = rollup.unitId.toHexString();
    facts.set(unit, addFacts(facts.get(unit)!, rollupFacts(rollup, side)));
  }
  for (const [unit, count] of overdue) facts.set(unit, { ...facts.get(unit)!, overdue: count });
  return facts;
}

async function overdueWishes(models: Models, side: ScorecardSide, units: readonly Types.ObjectId[], period: Pick<MonthPeriod, 'start' | 'end'>, now: Date): Promise<Map<string, number>> {
  const field = UNIT_FIELD[side];
  const pipeline: PipelineStage[] = [
    { $match: { dueAt: { $lte: now }, status: { $in: OPEN_STATUSES }, [field]: { $in: units }, createdAt: timeBetween(period.start, period.end) } },
    // A handler history names several units: the wish counts for each of this batch's.
    { $project: { unit: side === 'HANDLER' ? { $filter: { input: '$handlerIds', as: 'id', cond: { $in: ['$$id', units] } } } : `$${field}` } },
    ...(side === 'HANDLER' ? [{ $unwind: '$unit' }] : []),
    { $group: { _id: '$unit', overdue: { $sum: 1 } } },
  ];
  // The units' own deadlines, not the whole district's past ones, nor all their wishes of the period.
  const hint = side === 'CLAIMANT' ? { claimantId: 1, createdAt: -1, _id: -1 } : { [field]: 1, dueAt: 1 };
  const rows = await models.Wish.aggregate<{ _id: Types.ObjectId; overdue: number }>(pipeline).option({ hint });
  return new Map(rows.map((row) => [row._id.toHexString(), row.overdue]));
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
    overdue: 0,
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
