import { hasRole, isStaff } from '@civic/identity';
import { paginate, parseId, requireSignedIn, staffScopeIds } from '@civic/service-kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { WISH_FIELDS } from '../models/wish.ts';
import { OPEN_REQUEST_STATUSES } from '../domain/vocabulary.ts';
import { canSeeWish, visibleWishesFilter } from '../authorisation.ts';
import { NEWEST_FIRST, wishFilter, wishOrder } from '../inputs/wish-filter.ts';
import { claimableWishes } from './claimable-wishes.ts';
import { listOwnWishesWithoutResidentRecord, readHandlerQueueWithoutStaffRole } from '../errors.ts';

export const wishQueries: QueryResolvers = {
  wish: async (_parent, { id }, { loaders, viewer }) => {
    const wish = await loaders.wish.load(id);
    return wish && canSeeWish(viewer, wish) ? wish : null;
  },
  wishes: (_parent, { filter, sort, first, after }, { models, viewer, clock }) => {
    const query = { $and: [wishFilter(filter, clock.now()), visibleWishesFilter(viewer, { fullOnly: Boolean(filter?.requesterId) })] };
    return paginate(models.Wish, query, { first, after }, wishOrder(sort), WISH_FIELDS);
  },
  myWishes: (_parent, { first, after }, { models, viewer }) => {
    requireSignedIn(viewer);
    if (!viewer.residentId) throw listOwnWishesWithoutResidentRecord();
    return paginate(models.Wish, { requesterId: viewer.residentId }, { first, after }, NEWEST_FIRST, WISH_FIELDS);
  },
  handlerQueue: (_parent, { handlerId, first, after }, { models, viewer }) => {
    requireSignedIn(viewer);
    const handler = parseId('handlerId', handlerId);
    const query: Record<string, unknown> = { handlerId: handler, status: { $in: OPEN_REQUEST_STATUSES } };
    // Staff see the part of the queue their scope covers (all of it when they cover the handler).
    if (!hasRole(viewer, 'SERVICE')) {
      if (!isStaff(viewer)) throw readHandlerQueueWithoutStaffRole();
      query.handlerPath = { $in: staffScopeIds(viewer) };
    }
    return paginate(models.Wish, query, { first, after }, { field: 'dueAt', direction: 1 }, WISH_FIELDS);
  },
  claimableWishes: (_parent, args, context) => claimableWishes(args, context),
};
