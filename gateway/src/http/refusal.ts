import type { Response } from 'express';
import { currentRequest } from '../requests/request-scope.ts';

/** Answers a request the gateway will not serve with a GraphQL-shaped JSON error, never a page. */
export function sendRefusal(res: Response, status: number, code: string, message: string): void {
  currentRequest()?.errorCodes.push(code);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
