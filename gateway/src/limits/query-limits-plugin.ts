import type { ApolloServerPlugin } from '@apollo/server';
import { buildSchema, getVariableValues, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../gateway-context.ts';
import { callerTier } from './caller-tier.ts';
import { overBudget, overCap } from './limit-errors.ts';
import type { QueryCaps, QueryCapsByTier } from './limit-policy.ts';
import { MAX_EXPANDED_FIELDS, operationCost, TooManyFieldsToPrice } from './query-cost.ts';
import { measureOperation, type OperationShape } from './query-shape.ts';
import { SubgraphOwnership } from './subgraph-ownership.ts';

/** Each measure of an operation with the cap that bounds it, in the order they are checked. */
const CAPS: [keyof OperationShape, keyof QueryCaps][] = [
  ['aliases', 'maxAliases'],
  ['rootFields', 'maxRootFields'],
  ['depth', 'maxDepth'],
  ['directives', 'maxDirectives'],
];

/**
 * Refuses an operation larger or costlier than its caller's role allows, with QUERY_TOO_COMPLEX,
 * once the operation is known and before the gateway plans it, so a refused query reaches no
 * subgraph (tokens are counted before parsing, by token-cap.ts).
 * Checked here rather than as validation rules, whose errors Apollo Server recodes as
 * GRAPHQL_VALIDATION_FAILED and which cannot see the caller.
 */
export function queryLimitsPlugin(caps: QueryCapsByTier): ApolloServerPlugin<GatewayContext> {
  // The supergraph as a schema of our own graphql module: under test runners that load graphql
  // twice, Apollo's schema would come from the other copy.
  let supergraph: { schema: GraphQLSchema; ownership: SubgraphOwnership } | undefined;
  return {
    serverWillStart() {
      return Promise.resolve({
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) supergraph = { schema: buildSchema(coreSupergraphSdl), ownership: new SubgraphOwnership(coreSupergraphSdl) };
        },
      });
    },
    requestDidStart({ contextValue }) {
      const tier = callerTier(contextValue.viewer);
      const allowed = caps[tier];
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          if (!operation || !supergraph) return Promise.resolve();
          const { schema, ownership } = supergraph;
          const shape = measureOperation(schema, document, operation);
          for (const [measure, cap] of CAPS) {
            if (shape[measure] > allowed[cap]) throw overCap(tier, measure, allowed[cap], shape[measure]);
          }
          // Variables that do not fit the operation are Apollo Server's to refuse (400 BAD_USER_INPUT),
          // before anything runs; without them the operation has no price.
          if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return Promise.resolve();
          const cost = priced(() => operationCost({ schema, document, operationName: operation.name?.value, variables: request.variables, ownership }));
          if (cost === undefined) throw overCap(tier, 'expandedFields', MAX_EXPANDED_FIELDS);
          if (cost > allowed.costBudget) throw overBudget(tier, cost, allowed.costBudget);
          return Promise.resolve();
        },
      });
    },
  };
}

/** The cost, or undefined when the operation has too many fields to price. */
function priced(cost: () => number): number | undefined {
  try {
    return cost();
  } catch (error) {
    if (error instanceof TooManyFieldsToPrice) return undefined;
    throw error;
  }
}
