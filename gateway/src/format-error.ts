import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** Subgraph and validation errors pass through; anything unexpected is logged and hidden. */
export function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'UNAUTHENTICATED') return withoutContextPrefix(formatted);
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && original.extensions?.serviceName) return formatted;
    logger.error({ err: original }, 'unexpected gateway error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

// Apollo Server prefixes errors thrown while building the context (token checks); the client is
// better served by the check's own message.
const CONTEXT_PREFIX = 'Context creation failed: ';

function withoutContextPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return formatted.message.startsWith(CONTEXT_PREFIX) ? { ...formatted, message: formatted.message.slice(CONTEXT_PREFIX.length) } : formatted;
}
