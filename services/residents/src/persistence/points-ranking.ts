import { pageSize, type PageArgs, type PageInfo } from '@civic/service-kit';
import type { PipelineStage, Types } from 'mongoose';
import type { TimeWindow } from '../domain/china-time.ts';
import { afterStandingFilter, decodeStandingCursor, encodeStandingCursor, RANKED_SOURCES, RANKING_ORDER, type Standing, type StandingPosition } from '../domain/points-ranking.ts';
import type { Models } from '../models/index.ts';

export interface RankingPage {
  edges: { cursor: string; node: Standing }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * One page of the ranking in one aggregation: the organisation's entries in the window (the
 * (organisationPath, at) index), the counted ones summed per resident, ranked by points over all of them, then
 * sorted and cut after the cursor. The count of ranked residents comes from the same pass.
 */
export async function rankingPage(models: Models, organisationId: Types.ObjectId, window: TimeWindow, args: PageArgs): Promise<RankingPage> {
  const limit = pageSize(args.first);
  const after = args.after ? decodeStandingCursor(args.after) : null;
  const [result] = await models.PointsEntry.aggregate<{ count: { n: number }[]; page: { _id: Types.ObjectId; points: number; reachedAt: Date; rank: number }[] }>(
    rankingPipeline(organisationId, window, after, limit),
  );
  const standings = result!.page.map(({ _id, ...standing }) => ({ residentId: _id, ...standing }));
  const edges = standings.slice(0, limit).map((node) => ({ cursor: encodeStandingCursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: standings.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: result!.count[0]?.n ?? 0,
  };
}

/** An entry that moves a standing: points of a ranked source, not a zero entry of a capped award, not of a closed account. */
const COUNTED = { $and: [{ $in: ['$source', RANKED_SOURCES] }, { $ne: ['$amount', 0] }, { $ne: ['$accountClosed', true] }] };

/** The ranking's aggregation: grouped standings ranked over all, then the page after `after`. */
export function rankingPipeline(organisationId: Types.ObjectId, window: TimeWindow, after: StandingPosition | null, limit: number): PipelineStage[] {
  return [
    // Only indexed fields here, so that the planner reads the index; what counts is sorted out in $group.
    { $match: { organisationPath: organisationId, at: { $gte: window.from, $lt: window.to } } },
    {
      $group: {
        _id: '$residentId',
        points: { $sum: { $cond: [COUNTED, '$amount', 0] } },
        // $max passes over the nulls of entries that do not count.
        reachedAt: { $max: { $cond: [COUNTED, '$at', null] } },
      },
    },
    { $match: { points: { $gt: 0 } } },
    { $setWindowFields: { sortBy: { points: -1 }, output: { rank: { $rank: {} } } } },
    { $sort: RANKING_ORDER },
    { $facet: { count: [{ $count: 'n' }], page: [...(after ? [{ $match: afterStandingFilter(after) }] : []), { $limit: limit + 1 }] } },
  ];
}
