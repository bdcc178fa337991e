import { GraphQLError } from 'graphql';

/** How a service asks the graph for another department's data, with its own service identity. */
export interface GraphClient {
  request<TData>(query: string, variables?: Record<string, unknown>): Promise<TData>;
}

interface GraphResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function createGraphClient(options: { url: () => string; token: () => Promise<string> | string }): GraphClient {
  return {
    async request<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
      const response = await fetch(options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphResponse<TData>;
      const first = body.errors?.[0];
      if (first) throw new GraphQLError(`The graph refused a service query: ${first.message}`, { extensions: { code: 'GRAPH_QUERY_FAILED' } });
      if (!body.data) throw new GraphQLError(`The graph answered ${response.status} without data`, { extensions: { code: 'GRAPH_QUERY_FAILED' } });
      return body.data;
    },
  };
}

/** For subgraphs started without a gateway URL (for example schema tests): any call fails loudly. */
export const disconnectedGraphClient: GraphClient = {
  request() {
    return Promise.reject(new Error('This service was started without GATEWAY_URL, so it cannot ask the graph'));
  },
};
