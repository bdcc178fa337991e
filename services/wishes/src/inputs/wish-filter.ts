import type { QueryFilter } from 'mongoose';
import { parseId, timeBetween } from '@civic/service-kit';
import type { WishFilter, WishSort } from '../generated/resolvers-types.ts';
import type { WishDocument } from '../models/wish.ts';
import type { SortOrder } from '@civic/service-kit';

/** The database filter of `wishes(filter)`; each offered filter has an index (models/wish.ts). */
export function wishFilter(filter: WishFilter | null | undefined, now: Date): QueryFilter<WishDocument> {
  const query: QueryFilter<WishDocument> = {};
  if (!filter) return query;
  if (filter.status && filter.status.length > 0) query.status = { $in: filter.status };
  if (filter.kind) query.kind = filter.kind;
  if (filter.category) query.category = filter.category;
  if (filter.communityId) query.communityId = parseId('filter.communityId', filter.communityId);
  if (filter.gridId) query.gridId = parseId('filter.gridId', filter.gridId);
  if (filter.requesterId) query.requesterId = parseId('filter.requesterId', filter.requesterId);
  if (filter.claimantId) query.claimantId = parseId('filter.claimantId', filter.claimantId);
  if (filter.handlerId) query.handlerId = parseId('filter.handlerId', filter.handlerId);
  if (filter.overdue === true) query.dueAt = { $lte: now };
  if (filter.overdue === false) query.$or = [{ dueAt: null }, { dueAt: { $gt: now } }];
  if (filter.createdAfter || filter.createdBefore) {
    query.createdAt = timeBetween(filter.createdAfter, filter.createdBefore);
  }
  return query;
}

export function wishOrder(sort: WishSort | null | undefined): SortOrder {
  const field = sort?.field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt';
  return { field, direction: sort?.direction === 'ASC' ? 1 : -1 };
}

export const NEWEST_FIRST: SortOrder = { field: 'createdAt', direction: -1 };
