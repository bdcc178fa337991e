import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from '@civic/identity';

/** What the gateway knows of one HTTP request while it serves it, for its logs. */
export interface GatewayRequest {
  id: string;
  /** The gateway's logger bound to this request's id. */
  logger: Logger;
  startedAt: number;
  operationName: string | null;
  operationType: string | null;
  /** The caller's roles once the token was checked (empty for an anonymous caller). */
  roles: readonly string[];
  /** The code of every error the client was sent, in order. */
  errorCodes: string[];
}

// Apollo calls formatError and some hooks without the request at hand; the request travels with
// its own async work instead, so every part of the gateway finds it.
const requests = new AsyncLocalStorage<GatewayRequest>();

export function currentRequest(): GatewayRequest | undefined {
  return requests.getStore();
}

/**
 * First middleware of the gateway: the request id (the caller's when sane, else a new one) is
 * returned in the `x-request-id` header of every response, and the rest of the request runs in
 * its scope.
 */
export function requestScope(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, id);
    const request: GatewayRequest = {
      id,
      logger: logger.child({ requestId: id }),
      startedAt: performance.now(),
      operationName: null,
      operationType: null,
      roles: [],
      errorCodes: [],
    };
    requests.run(request, next);
  };
}

/** The request being served, where the gateway's middleware guarantees one (Apollo's context function). */
export function requireCurrentRequest(): GatewayRequest {
  const request = requests.getStore();
  if (!request) throw new Error('No request in scope: requestScope() must be the first middleware');
  return request;
}
