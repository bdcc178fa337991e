import type { Model, PipelineStage, QueryFilter, Types } from 'mongoose';

/** One owner's list in a batch: whose it is, what narrows it beyond its owner (a cursor, say), and its bound. */
export interface OwnerListQuery {
  ownerId: Types.ObjectId;
  narrowing?: Record<string, unknown>;
  limit: number;
}

export interface OwnerListsOptions {
  /** Applies to every list of the batch. */
  filter?: Record<string, unknown>;
  /** The order of each list; an index on (owner field, these fields) serves it. */
  sort: Record<string, 1 | -1>;
  /** Inclusive; the owner field and the sort fields are kept as well, since the lists are cut on them. */
  projection?: Record<string, 0 | 1>;
}

/**
 * The lists of several owners (documents whose `field` holds the owner's id, or an array of ids
 * with it) in one aggregate. The `$match` on every owner at once and the `$sort` run on the index
 * on (field, sort fields); a `$facet` then cuts each owner's list to its narrowing and its limit.
 * A batch of one list is a plain indexed query that stops at its limit.
 */
export async function ownerLists<T>(model: Model<T>, field: string, options: OwnerListsOptions, queries: readonly OwnerListQuery[]): Promise<T[][]> {
  const filter = options.filter ?? {};
  const listed = queries.flatMap((query, index) => (query.limit > 0 ? [{ query, index }] : []));
  const lists: T[][] = queries.map(() => []);
  if (listed.length === 0) return lists;
  const ofOwner = ({ ownerId, narrowing }: OwnerListQuery) => ({ $and: [{ [field]: ownerId }, narrowing ?? {}] });
  const kept = options.projection ? { ...options.projection, [field]: 1, ...Object.fromEntries(Object.keys(options.sort).map((key) => [key, 1])) } : undefined;
  const projection: PipelineStage[] = kept ? [{ $project: kept }] : [];

  if (listed.length === 1) {
    // A find, whose limit ends the cursor in its first reply whatever the page length.
    const { query, index } = listed[0]!;
    lists[index] = (await model
      .find({ $and: [filter, ofOwner(query)] } as QueryFilter<T>, kept)
      .sort(options.sort)
      .limit(query.limit)
      .lean()) as T[];
    return lists;
  }
  const owners = [...new Map(listed.map(({ query }) => [query.ownerId.toHexString(), query.ownerId])).values()];
  const [cut] = await model.aggregate<Record<string, T[]>>([
    { $match: { $and: [filter, { [field]: { $in: owners } }] } },
    { $sort: options.sort },
    ...projection,
    { $facet: Object.fromEntries(listed.map(({ query, index }) => [`list${index}`, [{ $match: ofOwner(query) }, { $limit: query.limit }]])) },
  ]);
  for (const { index } of listed) lists[index] = cut![`list${index}`]!;
  return lists;
}
