import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from './logger.ts';
import { requestLogger } from './request-logger.ts';

/**
 * Logs every operation the subgraph answered with errors, under the request's id, with the codes
 * the caller received (never variables or personal data); unexpected errors are logged in full by
 * the error formatter.
 */
export function failureLog(logger: Logger): ApolloServerPlugin {
  return {
    async contextCreationDidFail({ error }) {
      requestLogger(logger).info({ errorCodes: [codeOf(error)] }, 'request refused');
    },
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          if (!errors?.length) return;
          requestLogger(logger).info({ operationName, errorCodes: [...new Set(errors.map(codeOf))] }, 'operation failed');
        },
      };
    },
  };
}

function codeOf(error: unknown): string {
  return String((error as { extensions?: Record<string, unknown> }).extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}
