import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { subgraphUnavailable } from '../gateway-errors.ts';

// What Hive's HTTP executor names a subgraph request that got no HTTP answer at all.
const NO_ANSWER_CODE = 'SUBREQUEST_HTTP_ERROR';

/**
 * A subgraph that cannot be reached is refused as on the Apollo runtime: SUBGRAPH_UNAVAILABLE
 * naming the subgraph, never the executor's own error with the subgraph's URL and request body.
 */
export function subgraphErrorsPlugin(): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName }) {
      return ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors?.some((error) => error.extensions?.code === NO_ANSWER_CODE)) return;
        setResult({ data: null, errors: [subgraphUnavailable(subgraphName)] });
      };
    },
  };
}
