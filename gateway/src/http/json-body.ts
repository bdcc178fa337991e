import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { bodyNotJson, bodyNotUtf8, bodyTooLarge, emptyBody, malformedJson, unreadableBody, unsupportedContentEncoding } from '../gateway-errors.ts';
import { sendRefusal } from './refusal.ts';

const BODY_LIMIT_MEGABYTES = 1;

/**
 * Reads a GraphQL POST body, refusing what cannot be read with a JSON error: no body (400), not
 * JSON by its Content-Type (415), malformed JSON (400), larger than 1 MB (413). GET requests
 * carry their operation in the URL and pass untouched.
 */
export function jsonBody(): (RequestHandler | ErrorRequestHandler)[] {
  return [refuseUnreadableBody, express.json({ limit: `${BODY_LIMIT_MEGABYTES}mb` }), refuseUnparsedBody];
}

const refuseUnreadableBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  if (!hasBody(req)) return sendRefusal(res, emptyBody());
  if (!req.is('application/json')) return sendRefusal(res, bodyNotJson());
  next();
};

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

// body-parser's errors carry a `type`; their own messages and stacks stay out of the answer.
const refuseUnparsedBody: ErrorRequestHandler = (error: { type?: unknown }, _req, res, next) => {
  switch (error.type) {
    case 'entity.parse.failed':
      return sendRefusal(res, malformedJson());
    case 'entity.too.large':
      return sendRefusal(res, bodyTooLarge(BODY_LIMIT_MEGABYTES));
    case 'charset.unsupported':
      return sendRefusal(res, bodyNotUtf8());
    case 'encoding.unsupported':
      return sendRefusal(res, unsupportedContentEncoding());
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return sendRefusal(res, unreadableBody());
    default:
      next(error);
  }
};
