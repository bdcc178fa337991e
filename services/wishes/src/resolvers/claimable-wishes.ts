import { encodeCursor, decodeCursor, pageSize, type Connection, hexIds } from '@civic/service-kit';
import type { QueryClaimableWishesArgs } from '../generated/resolvers-types.ts';
import { WISH_FIELDS, type WishDocument } from '../models/wish.ts';
import { claimLevelAt, mayClaim } from '../domain/claiming.ts';
import { organisationClaimant } from '../graph/organisations.ts';
import { residentClaimant } from '../graph/residents.ts';
import type { Context } from '../context.ts';

/** Published wishes waiting for a claimant are few at any time; more than this is not a listing. */
const MAX_CANDIDATES = 1000;

/**
 * Wishes the caller may claim now, newest first. Candidates are the published wishes of the
 * caller's micro-grids, communities and streets (one indexed query); the claim windows of each
 * community then decide, in code, whether the caller's level has been reached.
 */
export async function claimableWishes({ asOrganisationId, first, after }: QueryClaimableWishesArgs, { graph, viewer, models, loaders, clock }: Context): Promise<Connection<WishDocument>> {
  const limit = pageSize(first);
  const claimant = asOrganisationId ? await organisationClaimant(graph, viewer, asOrganisationId) : await residentClaimant(graph, viewer);
  const candidates = await models.Wish.find(
    { status: 'PUBLISHED', $or: [{ gridClaimantIds: claimant.id }, { organisationPath: { $in: claimant.nearby } }] },
    WISH_FIELDS,
  )
    .sort({ createdAt: -1, _id: -1 })
    .limit(MAX_CANDIDATES)
    .lean<WishDocument[]>();
  const now = clock.now();
  const windows = await Promise.all(candidates.map((wish) => loaders.claimWindows.load(wish.communityId.toHexString())));
  const claimable = candidates.filter((wish, index) => {
    const level = claimLevelAt(wish.openedAt ?? wish.createdAt, now, windows[index]!);
    const target = { organisationPath: hexIds(wish.organisationPath), gridClaimantIds: hexIds(wish.gridClaimantIds) };
    return !wish.requesterId.equals(claimant.id) && mayClaim(target, claimant, level);
  });
  const start = after ? startAfter(claimable, after) : 0;
  const page = claimable.slice(start, start + limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.createdAt, node._id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + limit < claimable.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => Promise.resolve(claimable.length),
  };
}

function startAfter(wishes: readonly WishDocument[], cursor: string): number {
  const { id } = decodeCursor(cursor, 'date');
  const index = wishes.findIndex((wish) => wish._id.equals(id));
  return index + 1;
}
