import DataLoader from 'dataloader';
import { isHexId } from './object-ids.ts';
import { ownerLists } from './owner-lists.ts';
import { Types, type Model } from 'mongoose';

/** One owner's list: the question it asks (its status, say), and its bound. */
export interface OwnedListKey<Q> {
  ownerId: string;
  question: Q;
  first: number;
}

interface OwnedListOptions<Q> {
  filter: (question: Q) => Record<string, unknown>;
  sort: Record<string, 1 | -1>;
  projection: Record<string, 0 | 1>;
}

/**
 * Bounded lists of documents per owner (`field` holds the owner's id, or an array of ids): one
 * aggregate per request level, whatever the number of owners and questions, that cuts each
 * owner's list to its question and its bound (`ownerLists`); with one owner, the usual
 * case, the database stops at the bound.
 */
export function ownedListLoader<T, Q>(model: Model<T>, field: keyof T & string, options: OwnedListOptions<Q>) {
  return new DataLoader<OwnedListKey<Q>, T[], string>(
    async (keys) => {
      // An id that is no ObjectId owns nothing.
      const asked = keys.filter((key) => isHexId(key.ownerId));
      const lists = await ownerLists(
        model,
        field,
        { sort: options.sort, projection: options.projection },
        asked.map((key) => ({ ownerId: new Types.ObjectId(key.ownerId), narrowing: options.filter(key.question), limit: key.first })),
      );
      const listOf = new Map(asked.map((key, index) => [key, lists[index]!]));
      return keys.map((key) => listOf.get(key) ?? []);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.ownerId, key.question, key.first]) },
  );
}
