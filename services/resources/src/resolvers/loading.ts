import type DataLoader from 'dataloader';
import type { Types } from 'mongoose';
import { badUserInput, notFound, parseId } from '@civic/service-kit';
import type { RuleError } from '../domain/opening-hours.ts';

/** Small helpers the resolvers share to read through loaders and to report rule errors. */

export function hexIds(ids: readonly Types.ObjectId[]): string[] {
  return ids.map((id) => id.toHexString());
}

/** A document another one refers to; records of this service are never deleted, so it exists. */
export async function loadReferenced<T>(loader: DataLoader<string, T | null>, id: Types.ObjectId, type: string): Promise<T> {
  const document = await loader.load(id.toHexString());
  if (document === null) throw notFound(type, id.toHexString());
  return document;
}

/** The document an input field names; a bad or unknown id is BAD_USER_INPUT on that field. */
export async function loadForInput<T>(loader: DataLoader<string, T | null>, field: string, rawId: string, type: string): Promise<T> {
  const id = parseId(field, rawId);
  const document = await loader.load(id.toHexString());
  if (document === null) throw badUserInput(field, `no ${type} has this id`);
  return document;
}

/** The document an operation acts on; unknown is NOT_FOUND. */
export async function loadTarget<T>(loader: DataLoader<string, T | null>, rawId: string, type: string): Promise<T> {
  const document = await loader.load(rawId);
  if (document === null) throw notFound(type, rawId);
  return document;
}

/** Throws a domain rule's error as BAD_USER_INPUT on its field. */
export function rejectRuleError(error: RuleError | null): void {
  if (error) throw badUserInput(error.field, error.message);
}

/** Unwraps a domain result that is either a value or a rule error. */
export function orReject<T extends object>(result: T | { error: RuleError }): T {
  if ('error' in result) throw badUserInput(result.error.field, result.error.message);
  return result;
}

/** Options of findOneAndUpdate: the document as updated. (FerretDB 1.24 has no projection there.) */
export const RETURN_UPDATED = { returnDocument: 'after' } as const;
