import { Types, type Model, type QueryFilter, type Schema } from 'mongoose';
import { notACursor, notWholeNumberInRange } from './input-errors.ts';
import { isHexId } from './object-ids.ts';

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
 * The order of a listing: one field, then `_id` to break ties, in the same direction unless
 * `idDirection` says otherwise (most votes first, then the earliest). The field must be required
 * on every document, since a missing value cannot be compared in a cursor.
 */
export interface SortOrder {
  field: string;
  direction: 1 | -1;
  idDirection?: 1 | -1;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

type CursorValue = string | number | boolean | Date | Types.ObjectId;
type EncodedValue = ['s', string] | ['n', number] | ['b', boolean] | ['d', string] | ['o', string];

/** What a listing's sort field holds, and so what the sort value of its cursors must be. */
export type SortValueType = 'string' | 'number' | 'boolean' | 'date' | 'objectId';

const TYPE_OF_TAG: Readonly<Record<string, SortValueType>> = { s: 'string', n: 'number', b: 'boolean', d: 'date', o: 'objectId' };
const TYPE_OF_SCHEMA_TYPE: Readonly<Record<string, SortValueType>> = { String: 'string', Number: 'number', Boolean: 'boolean', Date: 'date', ObjectId: 'objectId' };
/** A cursor holds one sort value (a name or a title at most) and an id; anything longer was not made here. */
const MAX_CURSOR_LENGTH = 1024;

function encodeValue(value: CursorValue): EncodedValue {
  if (value instanceof Date) return ['d', value.toISOString()];
  if (value instanceof Types.ObjectId) return ['o', value.toHexString()];
  if (typeof value === 'number') return ['n', value];
  if (typeof value === 'boolean') return ['b', value];
  return ['s', String(value)];
}

/** The sort value an encoded one stands for, if it is exactly what encodeValue makes of a value of `expected`. */
function decodeValue(encoded: unknown, expected: SortValueType): CursorValue | undefined {
  if (!Array.isArray(encoded) || encoded.length !== 2 || typeof encoded[0] !== 'string' || TYPE_OF_TAG[encoded[0]] !== expected) return undefined;
  const raw: unknown = encoded[1];
  switch (expected) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'date': {
      const date = typeof raw === 'string' ? new Date(raw) : null;
      return date && !Number.isNaN(date.getTime()) && date.toISOString() === raw ? date : undefined;
    }
    case 'objectId':
      return typeof raw === 'string' && isHexId(raw) ? new Types.ObjectId(raw) : undefined;
  }
}

export function encodeCursor(sortValue: CursorValue, id: Types.ObjectId): string {
  return Buffer.from(JSON.stringify([encodeValue(sortValue), id.toHexString()])).toString('base64url');
}

/**
 * The position a cursor names in a listing sorted by a field of `sortType`. Anything but a cursor
 * this listing made (another shape, a sort value of another type, an id that is not one) is
 * BAD_USER_INPUT on `after`, before it comes near a query.
 */
export function decodeCursor(cursor: string, sortType: SortValueType): { sortValue: CursorValue; id: Types.ObjectId } {
  const decoded = cursor.length <= MAX_CURSOR_LENGTH ? parseJson(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [encoded, id] = decoded as unknown[];
    const sortValue = decodeValue(encoded, sortType);
    if (sortValue !== undefined && typeof id === 'string' && isHexId(id)) return { sortValue, id: new Types.ObjectId(id) };
  }
  throw notACursor();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The type of a listing's sort field, from the model's schema. */
function sortValueTypeOf(schema: Schema, modelName: string, field: string): SortValueType {
  const schemaType = (schema.path(field) as { instance?: string } | undefined)?.instance;
  const type = schemaType === undefined ? undefined : TYPE_OF_SCHEMA_TYPE[schemaType];
  if (!type) throw new Error(`${modelName} cannot be paged by ${field}: a cursor holds a string, number, boolean, date or id`);
  return type;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw notWholeNumberInRange('first', 0, MAX_PAGE_SIZE);
  }
  return first;
}

/** The filter that selects a model's documents strictly after the cursor in the given order. */
export function afterCursorFilter<T>(model: Model<T>, order: SortOrder, cursor: string): Record<string, unknown> {
  const { sortValue, id } = decodeCursor(cursor, sortValueTypeOf(model.schema, model.modelName, order.field));
  const beyond = order.direction === 1 ? '$gt' : '$lt';
  if (order.field === '_id') return { _id: { [beyond]: id } };
  const idBeyond = (order.idDirection ?? order.direction) === 1 ? '$gt' : '$lt';
  return { $or: [{ [order.field]: { [beyond]: sortValue } }, { [order.field]: sortValue, _id: { [idBeyond]: id } }] };
}

export async function paginate<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  filter: QueryFilter<T>,
  args: PageArgs,
  order: SortOrder,
  projection?: Record<string, 0 | 1>,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const pageFilter = args.after ? { $and: [filter, afterCursorFilter(model, order, args.after)] } : filter;
  // One extra document tells whether another page follows, without a count.
  const documents =
    limit === 0 ? [] : ((await model.find(pageFilter as QueryFilter<T>, projection).sort(sortOf(order)).limit(limit + 1).lean()) as unknown as T[]);
  return pageOf(documents, limit, order, () => model.countDocuments(filter).exec());
}

/** The sort of a listing: its field, then `_id` (the same way unless the order says otherwise). */
export function sortOf(order: SortOrder): Record<string, 1 | -1> {
  return order.field === '_id' ? { _id: order.direction } : { [order.field]: order.direction, _id: order.idDirection ?? order.direction };
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
