import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

/**
 * The Apollo runtime's rule (format-error.ts) on Hive Gateway: an error with a code (a refusal of
 * ours or a subgraph's) reaches the client as it is; anything else is logged and answered as
 * "Internal server error". Yoga's own masking would hide our coded errors too.
 */
export function maskUnexpectedError(logger: Logger) {
  return (error: unknown): Error => {
    if (isCodedGraphQLError(error)) return error;
    const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
    logger.error({ err: original }, 'unexpected gateway error');
    return new GraphQLError('Internal server error', { path: isGraphQLError(error) ? error.path : undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

// By name, not instanceof: Hive's packages load graphql's CommonJS build beside our ES module one,
// so an error may come from either copy of the class.
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

function isCodedGraphQLError(error: unknown): error is GraphQLError {
  return isGraphQLError(error) && typeof error.extensions?.code === 'string';
}
