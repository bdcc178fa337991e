import type { PipelineStage, Types } from 'mongoose';
import { timeBetween, type MonthPeriod } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { noFacts, type ScorecardFacts } from '../domain/scorecard.ts';

/**
 * The facts of many units' scorecards in one aggregation per side: a `$match` on an index
 * (`{ handlerIds | claimantId | agreementId, createdAt }`) and a `$group` per unit. Per wish it
 * reads stored facts only (status, times, closedOnTime, escalations, rating) plus two small
 * `$filter`s of its timeline (the first acknowledgement or start, whether it was reopened), so no
 * timeline is unwound. Durations come back as lists of start and end, since the medians are exact
 * (domain/scorecard.ts).
 */

/** Whose wishes a unit is scored on: requests it handled, wishes it claimed, or requests under an agreement. */
export type ScorecardSide = 'HANDLER' | 'CLAIMANT' | 'AGREEMENT';

const UNIT_FIELD: Readonly<Record<ScorecardSide, string>> = { HANDLER: 'handlerIds', CLAIMANT: 'claimantId', AGREEMENT: 'agreementId' };

const OPEN_STATUSES = ['CLAIMED', 'ROUTED', 'IN_SERVICE'];
const ACKNOWLEDGING = ['ACKNOWLEDGE', 'START_SERVICE'];
const COMPLETING = ['FULFIL', 'RESOLVE'];

const count = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });
const entriesOf = (actions: string[]) => ({ $filter: { input: '$timeline', as: 'entry', cond: { $in: ['$$entry.action', actions] } } });

interface FactsRow {
  _id: Types.ObjectId;
  requests: number;
  wishes: number;
  resolved: number;
  fulfilled: number;
  open: number;
  overdue: number;
  acknowledgeSpans: ([Date, Date] | null)[];
  resolveSpans: ([Date, Date] | null)[];
  timed: number;
  onTime: number;
  star1: number;
  star2: number;
  star3: number;
  star4: number;
  star5: number;
  everCompleted: number;
  reopened: number;
  escalations: number;
  outcomesRecorded: number;
  households: number;
  persons: number;
  partnerIds: Types.ObjectId[][];
  quantities: { item: string; unit: string; amount: number }[][];
}

export async function scorecardFacts(
  models: Models,
  side: ScorecardSide,
  units: readonly Types.ObjectId[],
  period: Pick<MonthPeriod, 'start' | 'end'>,
  now: Date,
): Promise<Map<string, ScorecardFacts>> {
  const field = UNIT_FIELD[side];
  const isRequest = { $ne: ['$kind', 'WISH'] };
  const completed = { $ne: [{ $ifNull: ['$completedAt', null] }, null] };
  const isOpen = { $in: ['$status', OPEN_STATUSES] };
  const pipeline: PipelineStage[] = [
    { $match: { [field]: { $in: units }, createdAt: timeBetween(period.start, period.end) } },
    {
      $project: {
        kind: 1,
        status: 1,
        takenAt: 1,
        completedAt: 1,
        dueAt: 1,
        closedOnTime: 1,
        escalations: 1,
        rating: '$feedback.rating',
        outcome: 1,
        acknowledgedAt: { $arrayElemAt: [entriesOf(ACKNOWLEDGING), 0] },
        everCompleted: { $gt: [{ $size: entriesOf(COMPLETING) }, 0] },
        reopened: { $gt: [{ $size: entriesOf(['REOPEN']) }, 0] },
        // A handler history names several units: the wish counts for each of this batch's.
        unit: side === 'HANDLER' ? { $filter: { input: '$handlerIds', as: 'id', cond: { $in: ['$$id', units] } } } : `$${field}`,
      },
    },
    ...(side === 'HANDLER' ? [{ $unwind: '$unit' }] : []),
    {
      $group: {
        _id: '$unit',
        requests: count(isRequest),
        wishes: count({ $not: [isRequest] }),
        resolved: count({ $and: [isRequest, completed] }),
        fulfilled: count({ $and: [{ $not: [isRequest] }, completed] }),
        open: count(isOpen),
        overdue: count({ $and: [isOpen, { $ne: [{ $ifNull: ['$dueAt', null] }, null] }, { $lte: ['$dueAt', now] }] }),
        // Start and end of each duration, subtracted here: SecantusDB's Rust server has no $subtract of dates.
        acknowledgeSpans: { $push: { $cond: [{ $and: ['$acknowledgedAt', '$takenAt'] }, ['$takenAt', '$acknowledgedAt.at'], null] } },
        resolveSpans: { $push: { $cond: [{ $and: [completed, '$takenAt'] }, ['$takenAt', '$completedAt'], null] } },
        timed: count({ $ne: [{ $ifNull: ['$closedOnTime', null] }, null] }),
        onTime: count({ $eq: ['$closedOnTime', true] }),
        star1: count({ $eq: ['$rating', 1] }),
        star2: count({ $eq: ['$rating', 2] }),
        star3: count({ $eq: ['$rating', 3] }),
        star4: count({ $eq: ['$rating', 4] }),
        star5: count({ $eq: ['$rating', 5] }),
        everCompleted: count('$everCompleted'),
        reopened: count('$reopened'),
        escalations: { $sum: '$escalations' },
        // Outcomes recorded at fulfilment or resolution (domain/scorecard-outcomes.ts adds them up).
        outcomesRecorded: count({ $ne: [{ $ifNull: ['$outcome', null] }, null] }),
        households: { $sum: { $ifNull: ['$outcome.beneficiaries.households', 0] } },
        persons: { $sum: { $ifNull: ['$outcome.beneficiaries.persons', 0] } },
        partnerIds: { $push: { $ifNull: ['$outcome.partnerIds', []] } },
        quantities: { $push: { $ifNull: ['$outcome.quantities', []] } },
      },
    },
  ];
  const rows = await models.Wish.aggregate<FactsRow>(pipeline);
  const facts = new Map(units.map((unit) => [unit.toHexString(), noFacts()]));
  for (const row of rows) facts.set(row._id.toHexString(), factsOf(row, side));
  return facts;
}

function factsOf(row: FactsRow, side: ScorecardSide): ScorecardFacts {
  const milliseconds = (spans: ([Date, Date] | null)[]) => spans.flatMap((span) => (span ? [span[1].getTime() - span[0].getTime()] : []));
  return {
    // A claimant's wishes count as claimed; a handler's or agreement's requests as handled.
    handled: side === 'CLAIMANT' ? 0 : row.requests,
    claimed: side === 'CLAIMANT' ? row.wishes : 0,
    resolved: row.resolved,
    fulfilled: row.fulfilled,
    open: row.open,
    overdue: row.overdue,
    acknowledgeMs: milliseconds(row.acknowledgeSpans),
    resolveMs: milliseconds(row.resolveSpans),
    timed: row.timed,
    onTime: row.onTime,
    stars: [row.star1, row.star2, row.star3, row.star4, row.star5],
    everCompleted: row.everCompleted,
    reopened: row.reopened,
    escalations: row.escalations,
    outcomes: {
      recorded: row.outcomesRecorded,
      households: row.households,
      persons: row.persons,
      partnerIds: row.partnerIds.flat().map((id) => id.toHexString()),
      quantities: row.quantities.flat().map(({ item, unit, amount }) => ({ item, unit, amount })),
    },
  };
}
