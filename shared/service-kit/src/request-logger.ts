import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom } from '@civic/identity';
import type { Logger } from './logger.ts';

// Apollo formats errors without the request at hand; the request's logger travels with its own
// async work instead, so a failure is logged under the id of the request that met it.
const requestLoggers = new AsyncLocalStorage<Logger>();

/** Runs the rest of a request with `logger` bound to its request id (the gateway's, else a new one). */
export function withRequestLogger(logger: Logger): RequestHandler {
  return (req, _res, next) => {
    requestLoggers.run(logger.child({ requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) }), next);
  };
}

/** The logger of the request being served, or `outside` when there is none (start-up, shutdown). */
export function requestLogger(outside: Logger): Logger {
  return requestLoggers.getStore() ?? outside;
}
