import type DataLoader from 'dataloader';
import type { Types } from 'mongoose';
import type { GraphQLError } from 'graphql';
import { isDuplicateKeyError, notFound, unknownId } from './errors.ts';
import { parseId } from './validate.ts';
import { hexIds } from './object-ids.ts';

/** Helpers resolvers share to read documents through per-request loaders and to write. */

/** Documents for ids, in the ids' order, through a loader (one batched query). */
export async function loadAll<T>(loader: DataLoader<string, T | null>, ids: readonly Types.ObjectId[]): Promise<T[]> {
  const documents: T[] = [];
  for (const result of await loader.loadMany(hexIds(ids))) {
    if (result instanceof Error) throw result;
    if (result !== null) documents.push(result);
  }
  return documents;
}

/** A document another one refers to; records a service refers to are never deleted, so it exists. */
export async function loadReferenced<T>(loader: DataLoader<string, T | null>, id: Types.ObjectId, type: string): Promise<T> {
  const document = await loader.load(id.toHexString());
  if (document === null) throw notFound(type, id.toHexString());
  return document;
}

/** The document an input field names; a bad or unknown id is BAD_USER_INPUT on that field. */
export async function loadForInput<T>(loader: DataLoader<string, T | null>, field: string, rawId: string, type: string): Promise<T> {
  const id = parseId(field, rawId);
  const document = await loader.load(id.toHexString());
  if (document === null) throw unknownId(field, type);
  return document;
}

/** The document an operation acts on; unknown is NOT_FOUND. */
export async function loadTarget<T>(loader: DataLoader<string, T | null>, rawId: string, type: string): Promise<T> {
  const document = await loader.load(rawId);
  if (document === null) throw notFound(type, rawId);
  return document;
}

/** Runs a write a unique index guards; the index saying no becomes the service's `refusal` (a CONFLICT). */
export async function uniquely<T>(write: () => Promise<T>, refusal: () => GraphQLError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw refusal();
    throw error;
  }
}

/** Options of findOneAndUpdate: the document as updated, with only the fields the caller reads. */
export function returnUpdated(projection: Readonly<Record<string, 0 | 1>>) {
  return { returnDocument: 'after', projection } as const;
}
