import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom } from '@civic/identity';
import type { Logger } from './logger.ts';

interface ServedRequest {
  requestId: string;
  logger: Logger;
}

// Apollo formats errors without the request at hand; the request's logger and id travel with its
// own async work instead, so a failure is logged, and an event recorded, under the id of the
// request that caused it.
const servedRequests = new AsyncLocalStorage<ServedRequest>();

/** Runs the rest of a request with `logger` bound to its request id (the gateway's, else a new one). */
export function withRequestLogger(logger: Logger): RequestHandler {
  return (req, _res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    servedRequests.run({ requestId, logger: logger.child({ requestId }) }, next);
  };
}

/** The logger of the request being served, or `outside` when there is none (start-up, shutdown). */
export function requestLogger(outside: Logger): Logger {
  return servedRequests.getStore()?.logger ?? outside;
}

/** The id of the request being served; null outside one (a subgraph tested in process, a job). */
export function currentRequestId(): string | null {
  return servedRequests.getStore()?.requestId ?? null;
}
