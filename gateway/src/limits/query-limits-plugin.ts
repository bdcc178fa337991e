import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context.ts';
import { callerTier } from './caller-tier.ts';
import { overBudget, overCap } from './limit-errors.ts';
import type { QueryCaps, QueryCapsByTier } from './limit-policy.ts';
import { operationCost } from './query-cost.ts';
import { countTokens, measureOperation, type OperationShape } from './query-shape.ts';
import { SubgraphOwnership } from './subgraph-ownership.ts';

/** Each measure of an operation with the cap that bounds it, in the order they are checked. */
const CAPS: [keyof OperationShape, keyof QueryCaps][] = [
  ['aliases', 'maxAliases'],
  ['rootFields', 'maxRootFields'],
  ['depth', 'maxDepth'],
  ['directives', 'maxDirectives'],
];

/**
 * Refuses an operation larger or costlier than its caller's role allows, with QUERY_TOO_COMPLEX.
 * Tokens are counted before the document is parsed; the other caps and the cost once the
 * operation is known and before the gateway plans it, so a refused query reaches no subgraph.
 * Checked here rather than as validation rules, whose errors Apollo Server recodes as
 * GRAPHQL_VALIDATION_FAILED and which cannot see the caller.
 */
export function queryLimitsPlugin(caps: QueryCapsByTier): ApolloServerPlugin<GatewayContext> {
  let ownership: SubgraphOwnership | undefined;
  return {
    serverWillStart() {
      return Promise.resolve({
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) ownership = new SubgraphOwnership(coreSupergraphSdl);
        },
      });
    },
    requestDidStart({ contextValue }) {
      const tier = callerTier(contextValue.viewer);
      const allowed = caps[tier];
      return Promise.resolve({
        didResolveSource({ source }) {
          if (countTokens(source, allowed.maxTokens) > allowed.maxTokens) throw overCap(tier, 'tokens', allowed.maxTokens);
          return Promise.resolve();
        },
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation || !ownership) return Promise.resolve();
          const shape = measureOperation(schema, document, operation);
          for (const [measure, cap] of CAPS) {
            if (shape[measure] > allowed[cap]) throw overCap(tier, measure, allowed[cap], shape[measure]);
          }
          const cost = operationCost({ schema, document, operationName: operation.name?.value, variables: request.variables, ownership });
          if (cost > allowed.costBudget) throw overBudget(tier, cost, allowed.costBudget);
          return Promise.resolve();
        },
      });
    },
  };
}
