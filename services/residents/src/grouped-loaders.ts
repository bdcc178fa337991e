import DataLoader from 'dataloader';
import { Types, type Model, type PipelineStage, type QueryFilter } from 'mongoose';
import { afterCursorFilter, ownerLists, pageOf, pageSize, sortOf, type Connection, type PageArgs, type SortOrder, objectIdsOf } from '@civic/service-kit';

/** Loader shapes the service kit does not offer: grouped sums, and pages of a parent's list. */

/**
 * For each key, the sum of `value` (a field path like `$amount`, or 1 to count) over the documents
 * whose `field` holds the key: one `$group` per batch.
 */
export function sumLoader<T>(model: Model<T>, field: string, value: string | 1): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const pipeline: PipelineStage[] = [
      { $match: { [field]: { $in: objectIdsOf(keys) } } },
      { $group: { _id: `$${field}`, total: { $sum: value } } },
    ];
    const groups = await model.aggregate<{ _id: Types.ObjectId; total: number }>(pipeline);
    const totals = new Map(groups.map((group) => [String(group._id), group.total]));
    return keys.map((key) => totals.get(key) ?? 0);
  });
}

export interface PageKey extends PageArgs {
  parentId: string;
}

/**
 * Pages of parents' lists (a grid's residents, say; `field` holds the parent's id): the first
 * pages of a whole list of grids, and any page a cursor asks for, come from one aggregate per
 * batch that cuts each parent's list to its own page (service-kit ownerLists). A bad `first` or
 * `after` fails only its own page.
 */
export function pageLoader<T extends { _id: Types.ObjectId }>(model: Model<T>, field: string, filter: Record<string, unknown>, order: SortOrder): DataLoader<PageKey, Connection<T>, string> {
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
          : pageOf(listOf.get(page)!, page.pageLength, order, () => model.countDocuments({ $and: [filter, { [field]: page.ownerId }] } as QueryFilter<T>).exec()),
      );
    },
    { cacheKeyFn: ({ parentId, first, after }) => JSON.stringify([parentId, first ?? null, after ?? null]) },
  );
}
