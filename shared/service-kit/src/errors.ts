import { GraphQLError } from 'graphql';

/**
 * Error factories: every error a client sees has one of these codes, and tests assert on the
 * factories' messages instead of repeating strings.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'QUERY_TIMEOUT'
  | 'DATABASE_UNAVAILABLE'
  | 'SUBGRAPH_UNAVAILABLE';

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export function badUserInput(field: string, message: string): GraphQLError {
  return error('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** An input names an id that no document of its kind (`noun`: organisation, grid...) has. */
export function unknownId(field: string, noun: string): GraphQLError {
  return badUserInput(field, `no ${noun} has this id`);
}

export function unauthenticated(message = 'Sign in to do this'): GraphQLError {
  return error('UNAUTHENTICATED', message, { http: { status: 401 } });
}

export function forbidden(action: string): GraphQLError {
  return error('FORBIDDEN', `You may not ${action}`);
}

export function notFound(type: string, id: string): GraphQLError {
  return error('NOT_FOUND', `${type} ${id} was not found`, { type, id });
}

export function conflict(message: string): GraphQLError {
  return error('CONFLICT', message);
}

export function invalidTransition(entity: string, from: string, action: string): GraphQLError {
  return error('INVALID_TRANSITION', `${entity} in state ${from} cannot ${action}`, { from, action });
}

/** The database stopped an operation at its time limit (maxTimeMS); `limitMs` is null when the limit is not known. */
export function queryTimeout(limitMs: number | null): GraphQLError {
  const limit = limitMs === null ? 'its time limit' : `its time limit of ${limitMs} ms`;
  return error('QUERY_TIMEOUT', `The database stopped this query at ${limit}; narrow the request or try again later`, { limitMs });
}

export function databaseUnavailable(): GraphQLError {
  return error('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly');
}

/** Another department the service had to ask (through the graph) did not answer; `message` says what that left undone. */
export function departmentUnavailable(message: string): GraphQLError {
  return error('SUBGRAPH_UNAVAILABLE', message);
}

/** MongoDB's duplicate-key error: the unique index said no. */
export function isDuplicateKeyError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { code?: unknown }).code === 11000;
}

/**
 * Whether a unique index with exactly this key refused the write. MongoDB names the refusing index
 * in its duplicate-key error (`keyPattern`), so a write guarded by several unique indexes learns
 * which rule it broke without reading again.
 */
export function isDuplicateKeyOn(value: unknown, key: Readonly<Record<string, 1 | -1>>): boolean {
  if (!isDuplicateKeyError(value)) return false;
  const refused = (value as { keyPattern?: unknown }).keyPattern;
  return typeof refused === 'object' && refused !== null && JSON.stringify(Object.entries(refused)) === JSON.stringify(Object.entries(key));
}
