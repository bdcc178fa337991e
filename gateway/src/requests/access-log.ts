import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { currentRequest, type GatewayRequest } from './request-scope.ts';

/**
 * One line per GraphQL request once its response is sent: which operation, how long, how it
 * ended and for which kind of caller. Never personal data: no variables, subject or token.
 */
export function accessLog(): RequestHandler {
  return (_req, res, next) => {
    const request = currentRequest();
    if (request) res.once('finish', () => logAccess(request, res.statusCode));
    next();
  };
}

function logAccess(request: GatewayRequest, status: number): void {
  const errorCodes = [...new Set(request.errorCodes)];
  request.logger.info(
    {
      operationName: request.operationName,
      operationType: request.operationType,
      durationMs: Math.round((performance.now() - request.startedAt) * 10) / 10,
      outcome: errorCodes.length === 0 && status < 400 ? 'ok' : 'error',
      errorCodes,
      status,
      roles: request.roles,
    },
    'operation',
  );
}

/** Tells the access log which operation a request ran, once Apollo resolved it. */
export const operationRecorder: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const current = currentRequest();
    if (current) current.operationName = request.operationName ?? null;
    return {
      async didResolveOperation({ operation, operationName }) {
        if (!current || !operation) return;
        current.operationName = operationName;
        current.operationType = operation.operation;
      },
    };
  },
};
