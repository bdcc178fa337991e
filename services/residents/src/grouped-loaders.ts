import DataLoader from 'dataloader';
import { Types, type Model, type PipelineStage } from 'mongoose';
import type { Connection, PageArgs } from '@civic/service-kit';

/** Loader shapes the service kit does not offer: grouped sums, and pages of a parent's list. */

function toObjectIds(keys: readonly string[]): Types.ObjectId[] {
  return keys.filter((key) => /^[0-9a-f]{24}$/i.test(key)).map((key) => new Types.ObjectId(key));
}

/**
 * For each key, the sum of `value` (a field path like `$amount`, or 1 to count) over the documents
 * whose `field` holds the key: one `$group` with a single accumulator per batch.
 */
export function sumLoader<T>(model: Model<T>, field: string, value: string | 1): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const pipeline: PipelineStage[] = [
      { $match: { [field]: { $in: toObjectIds(keys) } } },
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
 * A page of one parent's list (a grid's residents, say). Pages of several parents cannot share one
 * query without a per-parent limit ($facet or $push, which FerretDB lacks), so each distinct page
 * is one indexed keyset query; the loader runs them together and answers repeats from its cache.
 */
export function pageLoader<T>(loadPage: (parentId: string, args: PageArgs) => Promise<Connection<T>>): DataLoader<PageKey, Connection<T>, string> {
  return new DataLoader<PageKey, Connection<T>, string>((keys) => Promise.all(keys.map(({ parentId, first, after }) => loadPage(parentId, { first, after }))), {
    cacheKeyFn: ({ parentId, first, after }) => JSON.stringify([parentId, first ?? null, after ?? null]),
  });
}
