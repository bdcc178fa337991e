import { buildSchema, getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CallerTier } from './caller-tier.ts';
import { overBudget, overCap } from './limit-errors.ts';
import type { QueryCaps } from './limit-policy.ts';
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

/** What pricing needs of a supergraph: its types, and which subgraph resolves each field. */
export interface LimitedSupergraph {
  schema: GraphQLSchema;
  ownership: SubgraphOwnership;
}

// The supergraph as a schema of our own graphql module: under test runners that load graphql
// twice, the runtime's schema would come from the other copy.
export function limitedSupergraph(supergraphSdl: string): LimitedSupergraph {
  return { schema: buildSchema(supergraphSdl), ownership: new SubgraphOwnership(supergraphSdl) };
}

/**
 * Throws QUERY_TOO_COMPLEX when the operation breaks one of the caller's caps or costs more than
 * its budget; the one check both gateway runtimes make.
 */
export function enforceOperationLimits(
  { schema, ownership }: LimitedSupergraph,
  caller: { tier: CallerTier; caps: QueryCaps },
  request: { document: DocumentNode; operation: OperationDefinitionNode; variables?: Record<string, unknown> | null },
): void {
  const { document, operation } = request;
  const shape = measureOperation(schema, document, operation);
  for (const [measure, cap] of CAPS) {
    if (shape[measure] > caller.caps[cap]) throw overCap(caller.tier, measure, caller.caps[cap], shape[measure]);
  }
  const variables = request.variables ?? {};
  // Variables that do not fit the operation are the runtime's to refuse (400 BAD_USER_INPUT),
  // before anything runs; without them the operation has no price.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
  const cost = priced(() => operationCost({ schema, document, operationName: operation.name?.value, variables, ownership }));
  if (cost === undefined) throw overCap(caller.tier, 'expandedFields', MAX_EXPANDED_FIELDS);
  if (cost > caller.caps.costBudget) throw overBudget(caller.tier, cost, caller.caps.costBudget);
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
