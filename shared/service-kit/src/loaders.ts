import DataLoader from 'dataloader';
import type { Model, QueryFilter, Types } from 'mongoose';
import { objectIdsOf } from './object-ids.ts';

/**
 * DataLoader factories: whatever the list length, each resolves with one `$in` query per
 * entity type per request level. Create them per request (in createLoaders), never per module.
 */

type WithId = { _id: Types.ObjectId };

/** Loads documents by id; a missing id resolves to null. */
export function loaderById<T extends WithId>(model: Model<T>, projection?: Record<string, 0 | 1>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const documents = (await model.find({ _id: { $in: objectIdsOf(ids) } } as QueryFilter<T>, projection).lean()) as unknown as T[];
    const byId = new Map(documents.map((document) => [document._id.toHexString(), document]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Loads, for each key, the documents whose `field` holds that key (the field may be an id or an
 * array of ids). `filter` narrows every batch alike; `sort` orders each key's list.
 */
export function loaderByForeignKey<T extends WithId>(
  model: Model<T>,
  field: string,
  options: { filter?: QueryFilter<T>; sort?: Record<string, 1 | -1>; projection?: Record<string, 0 | 1> } = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const query = { ...(options.filter ?? {}), [field]: { $in: objectIdsOf(keys) } } as QueryFilter<T>;
    const documents = (await model
      .find(query, options.projection)
      .sort(options.sort ?? { _id: 1 })
      .lean()) as unknown as T[];
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const document of documents) {
      const value = (document as Record<string, unknown>)[field];
      const owners = Array.isArray(value) ? value : [value];
      for (const owner of owners) groups.get(String(owner))?.push(document);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** The GraphQL id of a stored document. */
export function idOf(document: WithId): string {
  return document._id.toHexString();
}
