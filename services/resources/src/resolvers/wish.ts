import { notWholeNumberInRange, requireSignedIn } from '@civic/service-kit';
import type { WishResolvers } from '../generated/resolvers-types.ts';
import { DEFAULT_MATCHES, MAX_MATCHES } from '../domain/matching.ts';

/** Wish is owned by wishes; resources matches resources to it (public) and lists its bookings. */
export const Wish: WishResolvers = {
  // The gateway hands over the @requires fields with the key; keep them.
  __resolveReference: (reference) => reference,
  matchingResources: (wish, { first }, { loaders }) => {
    const limit = first ?? DEFAULT_MATCHES;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MATCHES) throw notWholeNumberInRange('first', 0, MAX_MATCHES);
    return loaders.matchingResources.load({ tags: wish.tags ?? [], organisationPath: wish.organisationPath ?? [], first: limit });
  },
  // Only what the caller may read, filtered in the database so pages and totalCount agree.
  bookings: (wish, { first, after }, { viewer, loaders }) => {
    requireSignedIn(viewer);
    return loaders.readableBookingPagesOfWish.load({ parentId: wish.id, first, after });
  },
};
