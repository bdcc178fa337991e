import { GraphQLError } from 'graphql';
import { subgraphUnavailable } from './gateway-errors.ts';

/**
 * What the client learns from a subgraph that answered with an HTTP error status: the first
 * typed GraphQL error of its reply (message, code and the code's own details such as `field`),
 * named by the subgraph, with the subgraph's status when it is a client error (401 for a caller
 * who must sign in); a reply that is no GraphQL answer means the subgraph cannot serve.
 */
export function subgraphRefusal(subgraphName: string, status: number, body: unknown): GraphQLError {
  const first = firstTypedError(body);
  if (!first) return subgraphUnavailable(subgraphName);
  const { stacktrace: _stacktrace, http: _http, ...details } = first.extensions;
  const http = status >= 400 && status < 500 ? { http: { status } } : {};
  return new GraphQLError(first.message, { extensions: { ...details, serviceName: subgraphName, ...http } });
}

interface TypedError {
  message: string;
  extensions: Record<string, unknown> & { code: string };
}

function firstTypedError(body: unknown): TypedError | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first !== 'object' || first === null) return null;
  const { message, extensions } = first as { message?: unknown; extensions?: { code?: unknown } };
  if (typeof message !== 'string' || typeof extensions?.code !== 'string') return null;
  return { message, extensions: extensions as TypedError['extensions'] };
}
