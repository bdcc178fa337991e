import type { ApolloServer } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import type { ExecutionResult, Response as SseResponse } from 'graphql-sse';
import { decodeJwt, type CryptoKey } from 'jose';
import { isAnonymous } from '@civic/identity';
import type { GatewayContext } from '../gateway-context.ts';
import { subscriptionNeedsSignIn, subscriptionTokenExpired } from '../gateway-errors.ts';
import { answeredError, refusalBody } from '../http/refusal.ts';
import { viewerOf } from '../request-viewer.ts';
import { requireCurrentRequest } from '../requests/request-scope.ts';
import type { AskAsSubscriber } from './live-fields.ts';
import { readLiveOperation } from './live-operation.ts';
import type { LiveUpdates } from './live-updates.ts';

/** setTimeout's longest delay; a token living longer is checked again when it fires. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Subscriptions at the gateway's own URL: a POST to /graphql with `Accept: text/event-stream` is
 * served by graphql-sse in its distinct-connections mode (one stream per subscription); anything
 * else goes on to Apollo Server. The caller is authenticated as for a query (401 before the stream
 * opens for a bad or expired token, and for an anonymous caller); what the subscription may not
 * follow is answered in the stream, as one message and the end. Each push runs the subscriber's
 * selection as a query through Apollo Server with the subscriber's context, so visibility, masking,
 * limits and errors are the query's; the stream ends when the caller's token expires.
 */
export function liveRoute(live: LiveUpdates, apollo: ApolloServer<GatewayContext>, accessTokenKey: CryptoKey): RequestHandler {
  const handler = createHandler({
    async authenticate({ raw }) {
      const viewer = await viewerOf(raw, accessTokenKey).catch((error: unknown) => {
        if (error instanceof GraphQLError) return error;
        throw error;
      });
      if (viewer instanceof GraphQLError) return refusalResponse(viewer);
      // No stream token: graphql-sse's single-connection mode stays off.
      return isAnonymous(viewer) ? refusalResponse(subscriptionNeedsSignIn()) : null;
    },
    async onSubscribe({ raw }, params) {
      const viewer = await viewerOf(raw, accessTokenKey);
      const requestId = requireCurrentRequest().id;
      const operation = readLiveOperation(live.schema(), params);
      if (Array.isArray(operation)) return sseResult({ errors: operation.map(answeredError) });
      const run = (query: string, variables: Record<string, unknown>, operationName?: string) => runAs(apollo, { viewer, requestId, purpose: null }, query, variables, operationName);
      const ask: AskAsSubscriber = async <TData>(query: string, variables: Record<string, unknown>) => {
        const { data, errors } = await run(query, variables);
        if (errors?.length) throw new GraphAnswered(errors[0]!);
        return data as TData;
      };
      try {
        await operation.field.authorise(operation.args, viewer, ask);
      } catch (refusal) {
        if (refusal instanceof GraphAnswered) return sseResult({ errors: [refusal.error] });
        if (refusal instanceof GraphQLError) return sseResult({ errors: [answeredError(refusal)] });
        throw refusal;
      }
      const push = async (target: string) => operation.answerAsSubscribed(await run(operation.query, { ...operation.variables, [operation.targetVariable]: target }, operation.operationName));
      const stream = live.follow(operation, viewer, push);
      const expiry = endAtExpiry(raw.headers.authorization, () => stream.end({ errors: [answeredError(subscriptionTokenExpired())] }));
      void stream.ended.then(expiry.cancel);
      return stream as AsyncIterable<FormattedExecutionResult> as AsyncIterable<ExecutionResult>;
    },
  });
  return (req, res, next) => {
    if (req.method !== 'POST' || req.headers.accept !== 'text/event-stream') return next();
    handler(req, res).catch(next);
  };
}

/** An error the graph answered the subscriber while authorising: passed on as it was answered. */
class GraphAnswered extends Error {
  constructor(readonly error: GraphQLFormattedError) {
    super(error.message);
  }
}

/** Runs a query through the gateway as `caller`, with a context of its own (each push signs its own forwarded viewers). */
async function runAs(apollo: ApolloServer<GatewayContext>, caller: GatewayContext, query: string, variables: Record<string, unknown>, operationName?: string) {
  const response = await apollo.executeOperation({ query, variables, operationName }, { contextValue: { ...caller } });
  if (response.body.kind !== 'single') throw new Error('A live update runs a query without @defer or @stream');
  return response.body.singleResult;
}

/** Calls `end` when the bearer token expires (waiting again when a timer cannot wait that long). */
function endAtExpiry(authorization: string | undefined, end: () => void): { cancel(): void } {
  const { exp } = decodeJwt(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    const left = (exp ?? Infinity) * 1000 - Date.now();
    if (left <= 0) return end();
    if (left !== Infinity) timer = setTimeout(wait, Math.min(left, LONGEST_TIMER_MS)).unref();
  };
  wait();
  return { cancel: () => clearTimeout(timer) };
}

/**
 * A refusal as the stream's one message. graphql-sse takes a result only with a `data` key, and
 * types its errors as GraphQLErrors while it sends them as JSON: these are the answer the client reads.
 */
function sseResult(result: Pick<FormattedExecutionResult, 'errors'>): ExecutionResult {
  return { data: null, ...result } as ExecutionResult;
}

function refusalResponse(error: GraphQLError): SseResponse {
  const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
  return [JSON.stringify(refusalBody(error)), { status, statusText: status === 401 ? 'Unauthorized' : 'Bad Request', headers: { 'content-type': 'application/json; charset=utf-8' } }];
}
