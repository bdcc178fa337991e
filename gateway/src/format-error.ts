import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { internalServerError } from './gateway-errors.ts';
import { answeredError } from './http/refusal.ts';
import { currentRequest } from './requests/request-scope.ts';

/**
 * Subgraph and validation errors pass through, without any raw subgraph reply; anything
 * unexpected is logged and hidden. Every code sent is noted for the request's access line.
 */
export function formatGatewayError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = clientError(formatted, error, currentRequest()?.logger ?? logger);
    currentRequest()?.errorCodes.push(String(answer.extensions?.code));
    return answer;
  };
}

function clientError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return withoutRawReply(withoutContextPrefix(formatted));
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && original.extensions?.serviceName) return withoutRawReply(formatted);
  logger.error({ err: original }, 'unexpected gateway error');
  return { ...answeredError(internalServerError()), path: formatted.path };
}

// Apollo Server prefixes errors thrown while building the context (the token, the stated purpose); the client is
// better served by the check's own message.
const CONTEXT_PREFIX = 'Context creation failed: ';

function withoutContextPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return formatted.message.startsWith(CONTEXT_PREFIX) ? { ...formatted, message: formatted.message.slice(CONTEXT_PREFIX.length) } : formatted;
}

// Apollo's data source puts a failed subgraph reply (its URL and body) in `extensions.response`;
// the gateway's own data source never does, and no other path may hand one to a client.
function withoutRawReply(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('response' in formatted.extensions)) return formatted;
  const { response: _response, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
