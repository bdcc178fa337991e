import DataLoader from 'dataloader';
import { Types, type Model } from 'mongoose';
import { objectIdsOf } from './object-ids.ts';
import { ownerLists } from './owner-lists.ts';
import { afterCursorFilter, pageOf, pageSize, sortOf, type Connection, type PageArgs, type SortOrder } from './pagination.ts';

export interface PageKey extends PageArgs {
  parentId: string;
}

/**
 * Pages of parents' lists (a grid's residents, say; `field` holds the parent's id, or an array of
 * ids with it): the first pages of a whole list of grids, and any page a cursor asks for, come
 * from one aggregate per batch that cuts each parent's list to its own page (`ownerLists`); their
 * totalCounts, when asked, from one more. A bad `first` or `after` fails only its own page.
 */
export function pageLoader<T extends { _id: Types.ObjectId }>(model: Model<T>, field: string, filter: Record<string, unknown>, order: SortOrder): DataLoader<PageKey, Connection<T>, string> {
  const counts = countLoader(model, field, filter);
  return new DataLoader<PageKey, Connection<T>, string>(
    async (keys) => {
      const pages = keys.map(({ parentId, first, after }) => {
        try {
          const limit = pageSize(first);
          // One extra document tells whether another page follows.
          return { ownerId: new Types.ObjectId(parentId), narrowing: after ? afterCursorFilter(model, order, after) : undefined, limit: limit === 0 ? 0 : limit + 1, pageLength: limit };
        } catch (error) {
          return error as Error;
        }
      });
      const valid = pages.filter((page): page is Exclude<typeof page, Error> => !(page instanceof Error));
      const lists = await ownerLists(model, field, { filter, sort: sortOf(order) }, valid);
      const listOf = new Map(valid.map((page, index) => [page, lists[index]!]));
      return pages.map((page) =>
        page instanceof Error
          ? page
          : pageOf(listOf.get(page)!, page.pageLength, order, () => counts.load(page.ownerId.toHexString())),
      );
    },
    { cacheKeyFn: ({ parentId, first, after }) => JSON.stringify([parentId, first ?? null, after ?? null]) },
  );
}

/**
 * How many documents each parent's list holds: one `$group` per batch. `$unwind` counts a document
 * once for each parent its array names (and leaves a single id as it is).
 */
function countLoader<T>(model: Model<T>, field: string, filter: Record<string, unknown>): DataLoader<string, number> {
  return new DataLoader<string, number>(
    async (parentIds) => {
      const parents = { [field]: { $in: objectIdsOf(parentIds) } };
      const groups = await model.aggregate<{ _id: Types.ObjectId; count: number }>([
        { $match: { $and: [filter, parents] } },
        { $unwind: `$${field}` },
        { $match: parents },
        { $group: { _id: `$${field}`, count: { $sum: 1 } } },
      ]);
      const countOf = new Map(groups.map((group) => [group._id.toHexString(), group.count]));
      return parentIds.map((id) => countOf.get(id) ?? 0);
    },
    // A parent whose page had nothing more to load asks for its count a few ticks before the others: wait for the whole level.
    { batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
}
