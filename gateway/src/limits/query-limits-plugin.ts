import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context.ts';
import { callerTier } from './caller-tier.ts';
import type { QueryCapsByTier } from './limit-policy.ts';
import { enforceOperationLimits, limitedSupergraph, type LimitedSupergraph } from './operation-limits.ts';

/**
 * Refuses an operation larger or costlier than its caller's role allows, with QUERY_TOO_COMPLEX,
 * once the operation is known and before the gateway plans it, so a refused query reaches no
 * subgraph (tokens are counted before parsing, by token-cap.ts).
 * Checked here rather than as validation rules, whose errors Apollo Server recodes as
 * GRAPHQL_VALIDATION_FAILED and which cannot see the caller.
 */
export function queryLimitsPlugin(caps: QueryCapsByTier): ApolloServerPlugin<GatewayContext> {
  let supergraph: LimitedSupergraph | undefined;
  return {
    serverWillStart() {
      return Promise.resolve({
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) supergraph = limitedSupergraph(coreSupergraphSdl);
        },
      });
    },
    requestDidStart({ contextValue }) {
      const tier = callerTier(contextValue.viewer);
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          if (operation && supergraph) enforceOperationLimits(supergraph, { tier, caps: caps[tier] }, { document, operation, variables: request.variables });
          return Promise.resolve();
        },
      });
    },
  };
}
