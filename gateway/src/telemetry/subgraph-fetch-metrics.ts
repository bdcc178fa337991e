import type { GraphQLDataSource } from '@apollo/gateway';
import { Histogram, type Registry } from 'prom-client';
import type { GatewayContext } from '../gateway-context.ts';

// Seconds; the same buckets as the operations the fetches serve.
const FETCH_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * `civic_gateway_subgraph_fetch_duration_seconds`: each call the gateway makes to a subgraph, by
 * subgraph (the supergraph's names, so the label is bounded) and outcome: `ok`, `error` (the
 * subgraph answered with GraphQL errors) or `failed` (no GraphQL answer: unreachable, or an HTTP
 * error without a GraphQL body).
 */
export function subgraphFetchMetrics(registry: Registry) {
  const duration = new Histogram({
    name: 'civic_gateway_subgraph_fetch_duration_seconds',
    help: 'Time the gateway waited for a subgraph to answer one fetch of a query plan, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: FETCH_BUCKETS,
    registers: [registry],
  });
  return {
    /** The data source, with each of its calls timed. */
    measure(subgraph: string, dataSource: GraphQLDataSource<GatewayContext>): GraphQLDataSource<GatewayContext> {
      return {
        async process(options) {
          const stopTimer = duration.startTimer({ subgraph });
          try {
            const response = await dataSource.process(options);
            stopTimer({ outcome: response.errors?.length ? 'error' : 'ok' });
            return response;
          } catch (error) {
            stopTimer({ outcome: 'failed' });
            throw error;
          }
        },
      };
    },
  };
}
