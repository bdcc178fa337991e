import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.ts';
import { isDuplicateKeyError } from './errors.ts';

/**
 * Errors the code meant to raise pass through; a unique index that said no becomes CONFLICT;
 * anything else is logged and hidden behind a generic message, so no internals leak.
 */
export function createErrorFormatter(logger: Logger) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = withoutContextPrefix(raw);
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError) return formatted;
    if (isDuplicateKeyError(original)) {
      return { ...formatted, message: 'This would duplicate an existing record', extensions: { ...formatted.extensions, code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

// Apollo Server prefixes errors thrown while building the context (our identity checks); the
// client is better served by the check's own message.
const CONTEXT_PREFIX = 'Context creation failed: ';

export function withoutContextPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return formatted.message.startsWith(CONTEXT_PREFIX) ? { ...formatted, message: formatted.message.slice(CONTEXT_PREFIX.length) } : formatted;
}
