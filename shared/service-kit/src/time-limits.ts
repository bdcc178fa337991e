import mongoose, { type Aggregate, type Connection, type Query, type Schema } from 'mongoose';
import type { DatabaseTimeLimits } from './database-settings.ts';

const READS = ['find', 'findOne', 'countDocuments', 'distinct', 'estimatedDocumentCount'] as const;
const WRITES = ['findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany'] as const;
// updateOne and deleteOne name document middleware too; these hooks are for queries only.
const QUERIES_ONLY = { document: false, query: true } as const;

/** MongoDB's MaxTimeMSExpired: the server stopped the operation at its maxTimeMS. */
const MAX_TIME_MS_EXPIRED = 50;

const limitsOfConnection = new WeakMap<Connection, DatabaseTimeLimits>();
const limitsRunOutOf = new WeakMap<object, number>();
let hooksInstalled = false;

/**
 * Gives every operation a model of `connection` starts a server-side time limit (maxTimeMS), so
 * that no request keeps the database busy for longer: reads (DataLoader batches included) the
 * read limit, writes that select documents the write limit. An operation that sets its own limit
 * keeps it. Inserts (create, insertMany) carry none: they select nothing, and mongoose's save
 * passes no maxTimeMS to the driver. `null`: no limits on this connection.
 *
 * The hooks sit on every schema (a global plugin, installed before the connection's first model is
 * compiled), because services share one schema object between connections and mongoose applies
 * plugins to a schema only once; they look up the limits of the connection each operation runs on.
 */
export function applyTimeLimits(connection: Connection, limits: DatabaseTimeLimits | null): void {
  if (!hooksInstalled) {
    mongoose.plugin(timeLimitHooks);
    hooksInstalled = true;
  }
  if (limits) limitsOfConnection.set(connection, limits);
}

/** Whether the server stopped an operation at its time limit. */
export function isTimeLimitExceeded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === MAX_TIME_MS_EXPIRED;
}

/** The time limit (ms) an operation ran out of, when a model of a limited connection started it. */
export function timeLimitRunOutOf(error: unknown): number | null {
  return typeof error === 'object' && error !== null ? (limitsRunOutOf.get(error) ?? null) : null;
}

function timeLimitHooks(schema: Schema): void {
  schema.pre([...READS], QUERIES_ONLY, function (this: Query<unknown, unknown>) {
    const limits = limitsOfConnection.get(this.model.db);
    if (limits && this.getOptions().maxTimeMS === undefined) this.maxTimeMS(limits.readMs);
  });
  schema.pre([...WRITES], QUERIES_ONLY, function (this: Query<unknown, unknown>) {
    const limits = limitsOfConnection.get(this.model.db);
    if (limits && this.getOptions().maxTimeMS === undefined) this.maxTimeMS(limits.writeMs);
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    const limits = limitsOfConnection.get(this.model().db);
    if (limits && this.options.maxTimeMS === undefined) this.option({ maxTimeMS: limits.readMs });
  });
  // mongoose passes bulkWrite's options object on to the driver (an empty one when the caller gave none).
  schema.pre('bulkWrite', function (_operations, options) {
    const limits = limitsOfConnection.get(this.db);
    if (limits && options) options.maxTimeMS ??= limits.writeMs;
  });

  // The error of an operation that ran out of time remembers which limit that was.
  schema.post([...READS, ...WRITES], { ...QUERIES_ONLY, errorHandler: true }, function (this: Query<unknown, unknown>, error: unknown) {
    rememberLimit(error, this.getOptions().maxTimeMS);
    throw error;
  });
  schema.post('aggregate', { errorHandler: true }, function (this: Aggregate<unknown>, error: unknown) {
    rememberLimit(error, this.options.maxTimeMS);
    throw error;
  });
}

function rememberLimit(error: unknown, limitMs: number | undefined): void {
  if (isTimeLimitExceeded(error) && typeof limitMs === 'number') limitsRunOutOf.set(error as object, limitMs);
}
