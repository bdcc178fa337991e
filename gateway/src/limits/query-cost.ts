import {
  getNamedType,
  getNullableType,
  isIntrospectionType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { SubgraphOwnership } from './subgraph-ownership.ts';

/** Every selected field costs this much for each item it is selected on. */
export const FIELD_COST = 1;
/** A connection asked for without `first` returns the subgraphs' default page (service kit's DEFAULT_PAGE_SIZE). */
export const DEFAULT_CONNECTION_SIZE = 20;
/** A plain list has no `first`; it is counted as this many items. */
export const UNBOUNDED_LIST_SIZE = 10;
/** Per item, for each other subgraph the gateway must fetch the item's selected fields from. */
export const ENTITY_FETCH_COST = 3;
/** Fields counted at most, fragments expanded: nested fragments can multiply a short document. */
export const MAX_EXPANDED_FIELDS = 10_000;

/** The operation expands to more than MAX_EXPANDED_FIELDS fields; its cost was not finished. */
export class TooManyFieldsToPrice extends Error {}

/**
 * The cost of an operation: each field costs FIELD_COST plus, for each item it returns, the cost
 * of its selection and ENTITY_FETCH_COST for every other subgraph that resolves part of that
 * selection. A field with `first: N` returns N items; a connection without `first`
 * DEFAULT_CONNECTION_SIZE; a plain list UNBOUNDED_LIST_SIZE; the `edges` of a connection are
 * its items, already counted. Introspection costs nothing: it is answered from the gateway's
 * schema, and graphql-js bounds its nesting.
 */
export function operationCost(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  ownership: SubgraphOwnership;
}): number {
  const fragments = new Map(
    input.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  try {
    return getComplexity({
      schema: input.schema,
      query: input.document,
      operationName: input.operationName ?? undefined,
      variables: input.variables,
      estimators: [costEstimator(input.ownership, fragments)],
      maxQueryNodes: MAX_EXPANDED_FIELDS,
    });
  } catch (error) {
    // The library's only signal that it stopped at maxQueryNodes is this message.
    if (error instanceof Error && error.message.startsWith('Query exceeds the maximum allowed number of nodes')) throw new TooManyFieldsToPrice();
    throw error;
  }
}

function costEstimator(ownership: SubgraphOwnership, fragments: Map<string, FragmentDefinitionNode>): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }) => {
    if (field.name.startsWith('__') || isIntrospectionType(type)) return 0;
    const returnType = getNamedType(field.type);
    const fetches = node.selectionSet ? otherSubgraphsNeeded(ownership, ownership.resolvers(type.name, field.name), returnType.name, node.selectionSet, fragments) : 0;
    return FIELD_COST + itemsOf(type, field, args) * (childComplexity + fetches * ENTITY_FETCH_COST);
  };
}

function itemsOf(parentType: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return args.first;
  if (isConnection(getNamedType(field.type))) return DEFAULT_CONNECTION_SIZE;
  if (!isListType(getNullableType(field.type))) return 1;
  return isConnection(parentType) ? 1 : UNBOUNDED_LIST_SIZE;
}

function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/**
 * How many subgraphs other than the one resolving a field must be asked for the fields selected
 * on its value: the fewest subgraphs that cover every selected field its own subgraph cannot resolve.
 */
function otherSubgraphsNeeded(
  ownership: SubgraphOwnership,
  parentResolvers: ReadonlySet<string>,
  typeName: string,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  const elsewhere: ReadonlySet<string>[] = [];
  const collect = (selections: SelectionSetNode, onType: string) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const resolvers = ownership.resolvers(onType, selection.name.value);
        if (resolvers.size > 0 && ![...resolvers].some((graph) => parentResolvers.has(graph))) elsewhere.push(resolvers);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, selection.typeCondition?.name.value ?? onType);
      } else {
        // Unknown and cyclic fragments were refused by validation before any cost is taken.
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet, fragment.typeCondition.name.value);
      }
    }
  };
  collect(selectionSet, typeName);
  let subgraphs = 0;
  for (let uncovered = elsewhere; uncovered.length > 0; subgraphs++) {
    const chosen = mostCommonGraph(uncovered);
    uncovered = uncovered.filter((resolvers) => !resolvers.has(chosen));
  }
  return subgraphs;
}

function mostCommonGraph(sets: readonly ReadonlySet<string>[]): string {
  const counts = new Map<string, number>();
  for (const set of sets) for (const graph of set) counts.set(graph, (counts.get(graph) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
