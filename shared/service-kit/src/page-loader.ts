import DataLoader from 'dataloader';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { ownerLists } from './owner-lists.ts';
import { afterCursorFilter, pageOf, pageSize, sortOf, type Connection, type PageArgs, type SortOrder } from './pagination.ts';

export interface PageKey extends PageArgs {
  parentId: string;
}

/**
 * Pages of parents' lists (a grid's residents, say; `field` holds the parent's id): the first
 * pages of a whole list of grids, and any page a cursor asks for, come from one aggregate per
 * batch that cuts each parent's list to its own page (`ownerLists`). A bad `first` or
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
