import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST, type GraphQLFormattedError } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import { BoundedLabel } from './bounded-label.ts';

/** Label of an operation without a name. Parentheses cannot occur in a GraphQL name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** Label of a request that names no operation: its document did not parse, or lacks the operation it asks for. */
export const NO_OPERATION = '(none)';
/** Label of every operation name past the first OPERATION_NAME_LIMIT distinct ones. */
export const OTHER_OPERATION = '(other)';
export const OPERATION_NAME_LIMIT = 200;
export const OPERATION_NAME_MAX_LENGTH = 100;
/** Label of an error code past the first ERROR_CODE_LIMIT distinct ones, and of an error with no code. */
export const OTHER_ERROR_CODE = '(other)';
export const ERROR_CODE_LIMIT = 50;

// Seconds; from a cached lookup to a page at the database's time limit.
const OPERATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * An Apollo Server plugin that measures every GraphQL operation the server answers:
 * `civic_graphql_operation_duration_seconds` by operation name, type and outcome (`ok`, or
 * `error` when the response carries any error, beside data or not), and
 * `civic_graphql_errors_total` by `extensions.code` of each error sent to the client, requests
 * refused before an operation started (no valid token, a malformed request) included.
 */
export function operationMetricsPlugin<TContext extends BaseContext>(registry: Registry): ApolloServerPlugin<TContext> {
  const duration = new Histogram({
    name: 'civic_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response, by operation name, type and outcome',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: OPERATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'civic_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const operationNames = new BoundedLabel(OPERATION_NAME_LIMIT, OPERATION_NAME_MAX_LENGTH, OTHER_OPERATION);
  const errorCodes = new BoundedLabel(ERROR_CODE_LIMIT, OPERATION_NAME_MAX_LENGTH, OTHER_ERROR_CODE);
  const countError = (code: unknown) => errors.inc({ code: typeof code === 'string' ? errorCodes.of(code) : OTHER_ERROR_CODE });

  return {
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      return {
        async willSendResponse(requestContext) {
          const sent = sentErrors(requestContext);
          for (const error of sent) countError(error.extensions?.code);
          const { name, type } = operationOf(requestContext);
          stopTimer({ operation_name: name === null ? ANONYMOUS_OPERATION : operationNames.of(name), operation_type: type, outcome: sent.length === 0 ? 'ok' : 'error' });
        },
      };
    },
    async contextCreationDidFail({ error }) {
      countError(codeOf(error));
    },
    async invalidRequestWasReceived({ error }) {
      countError(codeOf(error) ?? 'BAD_REQUEST');
    },
  };
}

function operationOf(requestContext: GraphQLRequestContextWillSendResponse<BaseContext>): { name: string | null; type: string } {
  const { document, request } = requestContext;
  if (!document) return { name: NO_OPERATION, type: 'unknown' };
  const operation = requestContext.operation ?? getOperationAST(document, request.operationName);
  if (!operation) return { name: NO_OPERATION, type: 'unknown' };
  return { name: operation.name?.value ?? null, type: operation.operation };
}

function sentErrors(requestContext: GraphQLRequestContextWillSendResponse<BaseContext>): readonly GraphQLFormattedError[] {
  const { body } = requestContext.response;
  return (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
}

function codeOf(error: Error): unknown {
  return (error as { extensions?: { code?: unknown } }).extensions?.code;
}
