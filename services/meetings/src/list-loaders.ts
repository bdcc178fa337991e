import DataLoader from 'dataloader';
import { Types, type Model, type QueryFilter } from 'mongoose';

/** One owner's list: the question it asks (keys asking the same share one query), and its bound. */
export interface OwnedListKey<Q> {
  ownerId: string;
  question: Q;
  first: number;
}

interface OwnedListOptions<T, Q> {
  filter: (question: Q) => QueryFilter<T>;
  sort: Record<string, 1 | -1>;
  projection: Record<string, 0 | 1>;
}

export function objectIds(keys: readonly string[]): Types.ObjectId[] {
  return keys.filter((key) => /^[0-9a-f]{24}$/i.test(key)).map((key) => new Types.ObjectId(key));
}

/**
 * Bounded lists of documents per owner (`field` holds the owner's id, or an array of ids): one
 * query per distinct question per request level, whatever the number of owners. With one owner,
 * the usual case, the database stops at the bound; with several, the one query reads their
 * lists and each is cut to its bound (no per-owner limit without $facet, which FerretDB lacks).
 */
export function ownedListLoader<T extends { _id: Types.ObjectId }, Q>(model: Model<T>, field: keyof T & string, options: OwnedListOptions<T, Q>) {
  const cacheKey = (key: OwnedListKey<Q>) => JSON.stringify([key.ownerId, key.question, key.first]);
  const owns = (document: T, ownerId: string) => [document[field]].flat().some((id) => String(id) === ownerId);
  return new DataLoader<OwnedListKey<Q>, T[], string>(
    async (keys) => {
      const groups = new Map<string, OwnedListKey<Q>[]>();
      for (const key of keys) {
        const question = JSON.stringify(key.question);
        groups.set(question, [...(groups.get(question) ?? []), key]);
      }
      const found = new Map<string, T[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const owners = [...new Set(group.map((key) => key.ownerId))];
          const bound = Math.max(...group.map((key) => key.first));
          if (bound === 0) return;
          const query = model.find({ ...options.filter(group[0]!.question), [field]: { $in: objectIds(owners) } } as QueryFilter<T>, options.projection).sort(options.sort);
          const documents = (await (owners.length === 1 ? query.limit(bound) : query).lean()) as unknown as T[];
          for (const key of group) found.set(cacheKey(key), documents.filter((document) => owns(document, key.ownerId)).slice(0, key.first));
        }),
      );
      return keys.map((key) => found.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}
