import type { ErrorRequestHandler, RequestHandler } from 'express';
import { currentRequest } from '../requests/request-scope.ts';
import { internalServerError, pathNotServed } from '../gateway-errors.ts';
import { sendRefusal } from './refusal.ts';

/** Mounted after every route: a path the gateway does not serve is a JSON 404, not Express's page. */
export const unknownPath: RequestHandler = (_req, res) => {
  sendRefusal(res, pathNotServed());
};

/** Mounted last: whatever escaped a route is logged and answered as a JSON 500 without its stack. */
export const unexpectedError: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  currentRequest()?.logger.error({ err: error }, 'unexpected error in the gateway');
  sendRefusal(res, internalServerError());
};
