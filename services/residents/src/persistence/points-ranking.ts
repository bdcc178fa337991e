import { pageSize, type PageArgs, type PageInfo } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { TimeWindow } from '../domain/china-time.ts';
import { afterStandingFilter, decodeStandingCursor, encodeStandingCursor, RANKED_SOURCES, RANKING_ORDER, type Standing } from '../domain/points-ranking.ts';
import type { Models } from '../models/index.ts';

export interface RankingPage {
  edges: { cursor: string; node: Standing }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * One page of the ranking in one aggregation: the organisation's entries in the window (the
 * (organisationPath, at) index), summed per resident, ranked by points over all of them, then
 * sorted and cut after the cursor. The count of ranked residents comes from the same pass.
 */
export async function rankingPage(models: Models, organisationId: Types.ObjectId, window: TimeWindow, args: PageArgs): Promise<RankingPage> {
  const limit = pageSize(args.first);
  const after = args.after ? [{ $match: afterStandingFilter(decodeStandingCursor(args.after)) }] : [];
  const [result] = await models.PointsEntry.aggregate<{ count: { n: number }[]; page: { _id: Types.ObjectId; points: number; reachedAt: Date; rank: number }[] }>([
    { $match: { organisationPath: organisationId, at: { $gte: window.from, $lt: window.to }, source: { $in: RANKED_SOURCES }, amount: { $ne: 0 } } },
    { $group: { _id: '$residentId', points: { $sum: '$amount' }, reachedAt: { $max: '$at' } } },
    { $match: { points: { $gt: 0 } } },
    { $setWindowFields: { sortBy: { points: -1 }, output: { rank: { $rank: {} } } } },
    { $sort: RANKING_ORDER },
    { $facet: { count: [{ $count: 'n' }], page: [...after, { $limit: limit + 1 }] } },
  ]);
  const standings = result!.page.map(({ _id, ...standing }) => ({ residentId: _id, ...standing }));
  const edges = standings.slice(0, limit).map((node) => ({ cursor: encodeStandingCursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: standings.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: result!.count[0]?.n ?? 0,
  };
}
