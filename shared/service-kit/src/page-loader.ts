import DataLoader from 'dataloader';
import { Types, type Model, type PipelineStage } from 'mongoose';
import { ownerLists } from './owner-lists.ts';
import { afterCursorFilter, pageOf, pageSize, sortOf, type Connection, type PageArgs, type SortOrder } from './pagination.ts';

/** A page of one parent's list; `question` narrows that list (a status, say) when the loader asks one. */
export interface PageKey<Q = undefined> extends PageArgs {
  parentId: string;
  question?: Q;
}

export interface PageLoaderOptions<Q> {
  /** What a key's question narrows its parent's list to; the loader's filter applies as well. */
  narrowing?: (question: Q) => Record<string, unknown>;
  /** Inclusive; the parent field and the sort fields are kept as well. */
  projection?: Record<string, 0 | 1>;
}

/**
 * Pages of parents' lists (a grid's residents, say; `field` holds the parent's id, or an array of
 * ids with it): the first pages of a whole list of grids, and any page a cursor asks for, come
 * from one aggregate per batch that cuts each parent's list to its own page (`ownerLists`); their
 * totalCounts, when asked, from one `$group` per batch and question. A bad `first` or `after`
 * fails only its own page.
 */
export function pageLoader<T extends { _id: Types.ObjectId }, Q = undefined>(
  model: Model<T>,
  field: string,
  filter: Record<string, unknown>,
  order: SortOrder,
  options: PageLoaderOptions<Q> = {},
): DataLoader<PageKey<Q>, Connection<T>, string> {
  const narrowingOf = (question: Q | undefined) => (options.narrowing && question !== undefined ? options.narrowing(question) : {});
  const counts = countLoader(model, field, filter, narrowingOf);
  return new DataLoader<PageKey<Q>, Connection<T>, string>(
    async (keys) => {
      const pages = keys.map(({ parentId, question, first, after }) => {
        try {
          const limit = pageSize(first);
          const narrowing = { $and: [narrowingOf(question), after ? afterCursorFilter(model, order, after) : {}] };
          // One extra document tells whether another page follows.
          return { parentId, question, ownerId: new Types.ObjectId(parentId), narrowing, limit: limit === 0 ? 0 : limit + 1, pageLength: limit };
        } catch (error) {
          return error as Error;
        }
      });
      const valid = pages.filter((page): page is Exclude<typeof page, Error> => !(page instanceof Error));
      const lists = await ownerLists(model, field, { filter, sort: sortOf(order), projection: options.projection }, valid);
      const listOf = new Map(valid.map((page, index) => [page, lists[index]!]));
      return pages.map((page) =>
        page instanceof Error ? page : pageOf(listOf.get(page)!, page.pageLength, order, () => counts.load({ parentId: page.parentId, question: page.question })),
      );
    },
    { cacheKeyFn: ({ parentId, question, first, after }) => JSON.stringify([parentId, question ?? null, first ?? null, after ?? null]) },
  );
}

/** How many documents each parent's list holds: one `$group` per batch and question. */
function countLoader<T, Q>(model: Model<T>, field: string, filter: Record<string, unknown>, narrowingOf: (question: Q | undefined) => Record<string, unknown>) {
  const keyOf = ({ parentId, question }: { parentId: string; question?: Q }) => JSON.stringify([parentId, question ?? null]);
  return new DataLoader<{ parentId: string; question?: Q }, number, string>(
    async (keys) => {
      const byQuestion = new Map<string, { question: Q | undefined; parentIds: Set<string> }>();
      for (const { parentId, question } of keys) {
        const asked = JSON.stringify(question ?? null);
        if (!byQuestion.has(asked)) byQuestion.set(asked, { question, parentIds: new Set() });
        byQuestion.get(asked)!.parentIds.add(parentId);
      }
      const totals = new Map<string, number>();
      await Promise.all(
        [...byQuestion.values()].map(async ({ question, parentIds }) => {
          const owners = [...parentIds].map((id) => new Types.ObjectId(id));
          const pipeline: PipelineStage[] = [
            { $match: { $and: [filter, narrowingOf(question), { [field]: { $in: owners } }] } },
            // An array field counts its document once for each parent it names.
            { $project: { owner: `$${field}` } },
            { $unwind: '$owner' },
            { $match: { owner: { $in: owners } } },
            { $group: { _id: '$owner', total: { $sum: 1 } } },
          ];
          for (const group of await model.aggregate<{ _id: Types.ObjectId; total: number }>(pipeline)) {
            totals.set(keyOf({ parentId: group._id.toHexString(), question }), group.total);
          }
        }),
      );
      return keys.map((key) => totals.get(keyOf(key)) ?? 0);
    },
    // A parent whose page had nothing more to load asks for its count a few ticks before the others: wait for the whole level.
    { cacheKeyFn: keyOf, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
}
