import { mongo } from 'mongoose';

/**
 * Server errors that say "not now" rather than "not this": the server is shutting down or is no
 * longer the primary (the driver's state-change errors). ShutdownInProgress, PrimarySteppedDown,
 * LegacyNotPrimary, NotWritablePrimary, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary,
 * InterruptedAtShutdown, InterruptedDueToReplStateChange.
 */
const STATE_CHANGE_CODES = new Set([91, 189, 10058, 10107, 13435, 13436, 11600, 11602]);

/**
 * Whether an operation failed because no database server could serve it: none could be selected
 * within serverSelectionTimeoutMS, the connection broke (a cleared pool is such a break), the
 * client is closed, or the server is shutting down or stepping down.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof mongo.MongoServerSelectionError ||
    error instanceof mongo.MongoNetworkError ||
    error instanceof mongo.MongoNotConnectedError ||
    error instanceof mongo.MongoTopologyClosedError ||
    error instanceof mongo.MongoClientClosedError ||
    error instanceof mongo.MongoServerClosedError ||
    (error instanceof mongo.MongoServerError && typeof error.code === 'number' && STATE_CHANGE_CODES.has(error.code))
  );
}
