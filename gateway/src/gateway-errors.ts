import { GraphQLError } from 'graphql';
import { ACCESS_TOKEN_REFUSALS, PURPOSE_HEADER, PURPOSE_MAX_LENGTH } from '@civic/identity';

/**
 * Every refusal the gateway writes itself, named once: the gateway throws or answers these, and
 * tests compare the answer with them. `extensions.http.status` is the HTTP status the refusal is
 * answered with (Apollo Server sets it and leaves it out of the body; `sendRefusal` does the same).
 * The limits' refusals are in limits/limit-errors.ts; what Apollo Server answers by itself is its own.
 */

function refusal(code: string, message: string, status?: number, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, ...(status === undefined ? {} : { http: { status } }) } });
}

// The request as HTTP: answered before GraphQL runs.

export function emptyBody(): GraphQLError {
  return refusal('BAD_REQUEST', 'The request has no body; POST a JSON object with a "query"', 400);
}

export function bodyNotJson(): GraphQLError {
  return refusal('BAD_REQUEST', 'The request body must be JSON, sent with Content-Type: application/json', 415);
}

export function malformedJson(): GraphQLError {
  return refusal('BAD_REQUEST', 'The request body is not valid JSON', 400);
}

export function bodyTooLarge(limitMegabytes: number): GraphQLError {
  return refusal('BAD_REQUEST', `The request body is larger than the limit of ${limitMegabytes} MB`, 413);
}

export function bodyNotUtf8(): GraphQLError {
  return refusal('BAD_REQUEST', 'The request body must be JSON in UTF-8', 415);
}

export function unsupportedContentEncoding(): GraphQLError {
  return refusal('BAD_REQUEST', 'The Content-Encoding of the request body is not supported (gzip, deflate, br or none)', 415);
}

export function unreadableBody(): GraphQLError {
  return refusal('BAD_REQUEST', 'The request body could not be read', 400);
}

export function pathNotServed(): GraphQLError {
  return refusal('NOT_FOUND', 'The gateway serves GraphQL at /graphql', 404);
}

/** Whatever the gateway did not expect: the cause is logged, never answered. */
export function internalServerError(): GraphQLError {
  return refusal('INTERNAL_SERVER_ERROR', 'Internal server error', 500);
}

// The caller.

export function malformedAuthorization(): GraphQLError {
  return refusal('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"', 401);
}

export function invalidAccessToken(): GraphQLError {
  return refusal('UNAUTHENTICATED', ACCESS_TOKEN_REFUSALS.invalid, 401);
}

export function expiredAccessToken(): GraphQLError {
  return refusal('UNAUTHENTICATED', ACCESS_TOKEN_REFUSALS.expired, 401);
}

export function purposeTooLong(): GraphQLError {
  return refusal('BAD_REQUEST', `The ${PURPOSE_HEADER} header may hold at most ${PURPOSE_MAX_LENGTH} characters`, 400);
}

export function purposeNotPercentEncoded(): GraphQLError {
  return refusal('BAD_REQUEST', `The ${PURPOSE_HEADER} header must be UTF-8 text, percent-encoded beyond ASCII (a % as %25)`, 400);
}

/** With `NODE_ENV=production` an anonymous caller may not introspect (`__schema`, `__type`). */
export function anonymousIntrospection(): GraphQLError {
  return refusal('FORBIDDEN', 'Introspection is open to signed-in callers only: send a bearer token', 403);
}

// The operation. Worded as Apollo Server words them when it runs without a gateway.

export function unknownOperationName(operationName: string): GraphQLError {
  return refusal('OPERATION_RESOLUTION_FAILURE', `Unknown operation named "${operationName}".`, 400);
}

export function operationNameMissing(): GraphQLError {
  return refusal('OPERATION_RESOLUTION_FAILURE', 'Must provide operation name if query contains multiple operations.', 400);
}

export function noOperation(): GraphQLError {
  return refusal('OPERATION_RESOLUTION_FAILURE', 'Must provide an operation.', 400);
}

// The subgraphs.

/** A subgraph could not be reached or gave no GraphQL answer; the rest of the answer is still returned. */
export function subgraphUnavailable(subgraphName: string): GraphQLError {
  return refusal('SUBGRAPH_UNAVAILABLE', `The ${subgraphName} subgraph is unavailable`, undefined, { serviceName: subgraphName });
}


// Live updates: subscriptions over graphql-sse (live/).

/** A subscription follows a caller's own view of the graph, so it needs a caller: 401 before the stream opens. */
export function subscriptionNeedsSignIn(): GraphQLError {
  return refusal('UNAUTHENTICATED', 'Subscriptions need a signed-in caller: send a bearer token', 401);
}

/** The caller's token expired while the stream was open: its last message, then the stream ends. */
export function subscriptionTokenExpired(): GraphQLError {
  return refusal('UNAUTHENTICATED', 'The access token expired: the subscription has ended; subscribe again with a fresh token');
}

/** Queries and mutations are answered as JSON; only subscriptions are served as an event stream. */
export function onlySubscriptionsStream(): GraphQLError {
  return refusal('BAD_REQUEST', 'Only subscriptions are served as an event stream: send queries and mutations without Accept: text/event-stream');
}

/** The subscription's one field must be selected directly, not through a fragment. */
export function subscriptionFieldInFragment(): GraphQLError {
  return refusal('BAD_REQUEST', 'Select the subscription field directly, not through a fragment');
}

/** The wish does not exist, or the caller may not see it (as `wish(id)` answers null to them). */
export function liveWishNotFound(): GraphQLError {
  return refusal('NOT_FOUND', 'No wish with this id that the caller may see');
}

/** The mobilisation does not exist (one the caller may not read is refused as `mobilisation(id)` refuses it). */
export function liveMobilisationNotFound(): GraphQLError {
  return refusal('NOT_FOUND', 'No mobilisation with this id');
}

export function liveOrganisationNotFound(): GraphQLError {
  return refusal('NOT_FOUND', 'No organisation with this id');
}

/** As the inbox query answers: a personal inbox belongs to a resident account (staff follow their organisations' queues). */
export function liveNoPersonalInbox(): GraphQLError {
  return refusal('FORBIDDEN', 'You may not follow a personal inbox without a resident account');
}

/** A handler's queue is followed only by staff whose scope covers the organisation. */
export function liveQueueOutOfScope(): GraphQLError {
  return refusal('FORBIDDEN', 'Only staff whose scope covers the organisation may follow its queue');
}

