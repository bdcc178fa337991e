import { Types, type Model, type QueryFilter } from 'mongoose';
import { badUserInput } from './errors.ts';

/** Relay-style connections over keyset (cursor) pagination: stable order, one indexed query a page. */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Resolved only when the client asks for it (graphql-js calls function-valued fields). */
  totalCount: () => Promise<number>;
}

/**
 * The order of a listing: one field, then `_id` in the same direction to break ties. The field
 * must be required on every document, since a missing value cannot be compared in a cursor.
 */
export interface SortOrder {
  field: string;
  direction: 1 | -1;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type CursorValue = string | number | boolean | Date | Types.ObjectId;
type EncodedValue = ['s', string] | ['n', number] | ['b', boolean] | ['d', string] | ['o', string];

function encodeValue(value: CursorValue): EncodedValue {
  if (value instanceof Date) return ['d', value.toISOString()];
  if (value instanceof Types.ObjectId) return ['o', value.toHexString()];
  if (typeof value === 'number') return ['n', value];
  if (typeof value === 'boolean') return ['b', value];
  return ['s', String(value)];
}

function decodeValue([type, raw]: EncodedValue): CursorValue {
  switch (type) {
    case 'd':
      return new Date(raw);
    case 'o':
      return new Types.ObjectId(raw);
    default:
      return raw;
  }
}

export function encodeCursor(sortValue: CursorValue, id: Types.ObjectId): string {
  return Buffer.from(JSON.stringify([encodeValue(sortValue), id.toHexString()])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: CursorValue; id: Types.ObjectId } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [EncodedValue, string];
    if (!Array.isArray(value) || !Types.ObjectId.isValid(id)) throw new Error('malformed');
    return { sortValue: decodeValue(value), id: new Types.ObjectId(id) };
  } catch {
    throw badUserInput('after', 'is not a cursor from this listing');
  }
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** The filter that selects documents strictly after the cursor in the given order. */
export function afterCursorFilter(order: SortOrder, cursor: string): Record<string, unknown> {
  const { sortValue, id } = decodeCursor(cursor);
  const beyond = order.direction === 1 ? '$gt' : '$lt';
  if (order.field === '_id') return { _id: { [beyond]: id } };
  return { $or: [{ [order.field]: { [beyond]: sortValue } }, { [order.field]: sortValue, _id: { [beyond]: id } }] };
}

export async function paginate<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  filter: QueryFilter<T>,
  args: PageArgs,
  order: SortOrder,
  projection?: Record<string, 0 | 1>,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const pageFilter = args.after ? { $and: [filter, afterCursorFilter(order, args.after)] } : filter;
  // One extra document tells whether another page follows, without a count.
  const documents =
    limit === 0 ? [] : ((await model.find(pageFilter as QueryFilter<T>, projection).sort(sortOf(order)).limit(limit + 1).lean()) as unknown as T[]);
  return pageOf(documents, limit, order, () => model.countDocuments(filter).exec());
}

/** The sort of a listing: its field, then `_id` the same way. */
export function sortOf(order: SortOrder): Record<string, 1 | -1> {
  return order.field === '_id' ? { _id: order.direction } : { [order.field]: order.direction, _id: order.direction };
}

/** A page from what its query found in order: at most `limit` + 1 documents, the extra one only saying that another page follows. */
export function pageOf<T extends { _id: Types.ObjectId }>(documents: readonly T[], limit: number, order: SortOrder, totalCount: () => Promise<number>): Connection<T> {
  const edges = documents.slice(0, limit).map((node) => ({ cursor: encodeCursor(sortValueOf(node, order.field), node._id), node }));
  return { edges, pageInfo: { hasNextPage: documents.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

function sortValueOf(node: object, field: string): CursorValue {
  const value = field.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], node);
  if (value === undefined || value === null) throw new Error(`Sort field ${field} is missing on a document`);
  return value as CursorValue;
}
