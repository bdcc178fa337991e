import type { Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { currentRequest } from '../requests/request-scope.ts';

/** A refusal as a factory makes it: a GraphQLError, or the plain shape of one. */
interface Refusal {
  message: string;
  extensions?: Readonly<Record<string, unknown>>;
}

/** An error as the client receives it in `errors`: its message and extensions, the HTTP status moved out to the response. */
export function answeredError(error: Refusal): GraphQLFormattedError {
  const { http: _status, ...extensions } = error.extensions ?? {};
  return { message: error.message, extensions };
}

/** The JSON body of a refusal answered before GraphQL runs: the same shape as any GraphQL error. */
export function refusalBody(error: Refusal): { errors: GraphQLFormattedError[] } {
  return { errors: [answeredError(error)] };
}

/** Answers a request the gateway will not serve with the refusal's status (`extensions.http.status`) and JSON body, never a page. */
export function sendRefusal(res: Response, error: Refusal): void {
  const http = error.extensions?.http as { status?: number } | undefined;
  currentRequest()?.errorCodes.push(String(error.extensions?.code));
  // Every factory of an HTTP refusal names its status; one that does not is the gateway's own fault.
  res.status(http?.status ?? 500).json(refusalBody(error));
}
