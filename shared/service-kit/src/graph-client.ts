import { GraphQLError, print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * How a service asks the graph for another department's data, with its own service identity.
 * Documents are generated from the composed supergraph, so the variables and the answer are typed.
 */
export interface GraphClient {
  request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
}

interface GraphResponse {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function createGraphClient(options: { url: () => string; token: () => Promise<string> | string }): GraphClient {
  return {
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
      const response = await fetch(options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as GraphResponse;
      const first = body.errors?.[0];
      if (first) throw new GraphQLError(`The graph refused a service query: ${first.message}`, { extensions: { code: 'GRAPH_QUERY_FAILED', graphError: { code: first.extensions?.code ?? null, message: first.message } } });
      if (!body.data) throw new GraphQLError(`The graph answered ${response.status} without data`, { extensions: { code: 'GRAPH_QUERY_FAILED' } });
      // The document was validated against the supergraph when it was generated.
      return body.data as TResult;
    },
  };
}

/** The graph's own error behind a service query's failure (its code and message); null when the graph gave no GraphQL answer. */
export function graphErrorOf(error: unknown): { code: unknown; message: string } | null {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'GRAPH_QUERY_FAILED') return null;
  return (error.extensions.graphError as { code: unknown; message: string } | undefined) ?? null;
}

/** For subgraphs started without a gateway URL (for example schema tests): any call fails loudly. */
export const disconnectedGraphClient: GraphClient = {
  request() {
    return Promise.reject(new Error('This service was started without GATEWAY_URL, so it cannot ask the graph'));
  },
};
