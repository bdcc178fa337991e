import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { sendRefusal } from './refusal.ts';

/**
 * Reads a GraphQL POST body, refusing what cannot be read with a JSON error: no body (400), not
 * JSON by its Content-Type (415), malformed JSON (400), larger than 1 MB (413). GET requests
 * carry their operation in the URL and pass untouched.
 */
export function jsonBody(): (RequestHandler | ErrorRequestHandler)[] {
  return [refuseUnreadableBody, express.json({ limit: '1mb' }), refuseUnparsedBody];
}

const refuseUnreadableBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  if (!hasBody(req)) return sendRefusal(res, 400, 'BAD_REQUEST', 'The request has no body; POST a JSON object with a "query"');
  if (!req.is('application/json')) return sendRefusal(res, 415, 'BAD_REQUEST', 'The request body must be JSON, sent with Content-Type: application/json');
  next();
};

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

// body-parser's errors carry a `type`; their own messages and stacks stay out of the answer.
const refuseUnparsedBody: ErrorRequestHandler = (error: { type?: unknown }, _req, res, next) => {
  switch (error.type) {
    case 'entity.parse.failed':
      return sendRefusal(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    case 'entity.too.large':
      return sendRefusal(res, 413, 'BAD_REQUEST', 'The request body is larger than the limit of 1 MB');
    case 'charset.unsupported':
      return sendRefusal(res, 415, 'BAD_REQUEST', 'The request body must be JSON in UTF-8');
    case 'encoding.unsupported':
      return sendRefusal(res, 415, 'BAD_REQUEST', 'The Content-Encoding of the request body is not supported (gzip, deflate, br or none)');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return sendRefusal(res, 400, 'BAD_REQUEST', 'The request body could not be read');
    default:
      next(error);
  }
};
