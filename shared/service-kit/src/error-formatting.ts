import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.ts';
import { requestLogger } from './request-logger.ts';
import { databaseUnavailable, isDuplicateKeyError, queryTimeout } from './errors.ts';
import { isDatabaseUnavailable } from './database-availability.ts';
import { isTimeLimitExceeded, timeLimitRunOutOf } from './time-limits.ts';

/**
 * Errors the code meant to raise pass through; a unique index that said no becomes CONFLICT; the
 * database's own refusals become what they mean to a client: an operation stopped at its time
 * limit QUERY_TIMEOUT (with the limit), a server that cannot be reached DATABASE_UNAVAILABLE.
 * Anything else is logged (under the request's id) and hidden behind a generic message, so no
 * internals leak.
 */
export function createErrorFormatter(logger: Logger) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = withoutContextPrefix(raw);
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError) return formatted;
    if (isDuplicateKeyError(original)) {
      return { ...formatted, message: 'This would duplicate an existing record', extensions: { ...formatted.extensions, code: 'CONFLICT' } };
    }
    const databaseError = isTimeLimitExceeded(original) ? queryTimeout(timeLimitRunOutOf(original)) : isDatabaseUnavailable(original) ? databaseUnavailable() : null;
    if (databaseError) {
      requestLogger(logger).warn({ err: original, path: formatted.path }, databaseError.message);
      return { message: databaseError.message, path: formatted.path, locations: formatted.locations, extensions: databaseError.extensions };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    requestLogger(logger).error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

// Apollo Server prefixes errors thrown while building the context (our identity checks); the
// client is better served by the check's own message.
const CONTEXT_PREFIX = 'Context creation failed: ';

export function withoutContextPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return formatted.message.startsWith(CONTEXT_PREFIX) ? { ...formatted, message: formatted.message.slice(CONTEXT_PREFIX.length) } : formatted;
}
