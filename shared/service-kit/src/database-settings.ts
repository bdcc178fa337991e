/** How a service's connection treats its database: a time limit on every operation, and how long to wait for an unreachable server. */

/** Server-side time limits (maxTimeMS), see time-limits.ts. */
export interface DatabaseTimeLimits {
  /** Reads: find, findOne, countDocuments, distinct, aggregate (DataLoader batches are such reads). */
  readMs: number;
  /** Writes that select documents: updates, deletes, findOneAndUpdate/Replace/Delete, bulkWrite. */
  writeMs: number;
}

export interface DatabaseSettings {
  /** null: operations run as long as they take (batch tools such as the seed). */
  timeLimits: DatabaseTimeLimits | null;
  /** How long an operation waits for a reachable server before it fails (answered as DATABASE_UNAVAILABLE). */
  serverSelectionTimeoutMs: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 2_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 5_000;
export const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 1_500;

/** Batch tools (the seed) read and write in bulk and may wait for a busy server. */
export const BATCH_DATABASE_SETTINGS: DatabaseSettings = { timeLimits: null, serverSelectionTimeoutMs: 10_000 };

/**
 * The settings of a running API, from DATABASE_READ_TIMEOUT_MS, DATABASE_WRITE_TIMEOUT_MS and
 * DATABASE_SERVER_SELECTION_TIMEOUT_MS; a value that is not a whole number of milliseconds above 0
 * stops the service at start-up, naming the variable.
 */
export function apiDatabaseSettings(environment: Readonly<Record<string, string | undefined>> = process.env): DatabaseSettings {
  return {
    timeLimits: {
      readMs: milliseconds(environment, 'DATABASE_READ_TIMEOUT_MS', DEFAULT_READ_TIMEOUT_MS),
      writeMs: milliseconds(environment, 'DATABASE_WRITE_TIMEOUT_MS', DEFAULT_WRITE_TIMEOUT_MS),
    },
    serverSelectionTimeoutMs: milliseconds(environment, 'DATABASE_SERVER_SELECTION_TIMEOUT_MS', DEFAULT_SERVER_SELECTION_TIMEOUT_MS),
  };
}

function milliseconds(environment: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = environment[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a whole number of milliseconds above 0, not "${raw}"`);
  return value;
}
