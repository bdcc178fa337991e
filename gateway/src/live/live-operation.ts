import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  print,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { noOperation, onlySubscriptionsStream, operationNameMissing, subscriptionFieldInFragment, unknownOperationName } from '../gateway-errors.ts';
import { LIVE_FIELDS, type LiveField, type LiveFieldName } from './live-fields.ts';

/** What the subscriber asked for: the live field and its arguments, and the query that makes each push. */
export interface LiveOperation {
  fieldName: string;
  field: LiveField;
  args: Record<string, unknown>;
  /** The subscription's own selection under the query field, with its fragments and the variables it uses. */
  query: string;
  /** The subscriber's variables the query uses; the push adds the target's id as `targetVariable`. */
  variables: Record<string, unknown>;
  targetVariable: string;
  operationName: string | undefined;
  /** Gives the query's answer the subscription's response key (`wish` back to `wishChanged`), unless the subscriber aliased it. */
  answerAsSubscribed(result: FormattedExecutionResult): FormattedExecutionResult;
}

export interface LiveRequest {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Reads a subscription request against the live schema (the supergraph's API schema with the
 * Subscription type), or answers why not, coded as Apollo Server codes the same faults of a query.
 * `subscription S($id: ID!) { wishChanged(id: $id) { status } }` becomes the query
 * `query S($liveId: ID!) { wish(id: $liveId) { status } }`, run as the subscriber on each event:
 * no alias is added, so the query counts against the caller's limits exactly as they wrote it.
 */
export function readLiveOperation(schema: GraphQLSchema, request: LiveRequest): LiveOperation | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(request.query ?? '');
  } catch (error) {
    return [coded(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operationName = request.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return [unresolvedOperation(document, operationName)];
  if (operation.operation !== 'subscription') return [onlySubscriptionsStream()];
  const root = operation.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) return [subscriptionFieldInFragment()];

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return coerced.errors.map((error) => coded(error, 'BAD_USER_INPUT'));
  // Validation let through only the Subscription type's fields, each one of LIVE_FIELDS.
  const fieldName = root.name.value as LiveFieldName;
  const field: LiveField = LIVE_FIELDS[fieldName];
  const args = getArgumentValues(schema.getSubscriptionType()!.getFields()[fieldName]!, root, coerced.coerced);
  const fragments = reachableFragments(document, root.selectionSet);
  const used = variablesIn([root.selectionSet, ...fragments]);
  const targetVariable = freeName('liveId', operation);
  const query = print({ kind: Kind.DOCUMENT, definitions: [queryOperation(operation, root, field, used, targetVariable), ...fragments] });
  const variables = Object.fromEntries(Object.entries(request.variables ?? {}).filter(([name]) => used.has(name)));
  const answerAsSubscribed = root.alias ? (result: FormattedExecutionResult) => result : renamedRoot(field.queryField, fieldName);
  return { fieldName, field, args, query, variables, targetVariable, operationName, answerAsSubscribed };
}

/** The answer with its root field `from` named `to`, in the data and in the errors' paths. */
function renamedRoot(from: string, to: string) {
  return ({ data, errors, ...rest }: FormattedExecutionResult): FormattedExecutionResult => ({
    ...rest,
    ...(data === undefined ? {} : { data: data === null ? null : { [to]: data[from] } }),
    ...(errors === undefined ? {} : { errors: errors.map((error) => (error.path?.[0] === from ? { ...error, path: [to, ...error.path.slice(1)] } : error)) }),
  });
}

function queryOperation(operation: OperationDefinitionNode, root: FieldNode, field: LiveField, used: Set<string>, targetVariable: string): OperationDefinitionNode {
  const target = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: targetVariable } } as const;
  return {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value)),
      { kind: Kind.VARIABLE_DEFINITION, variable: target, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } } },
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          ...root,
          name: { kind: Kind.NAME, value: field.queryField },
          arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: target }],
        },
      ],
    },
  };
}

/** The fragments the selection spreads, directly or through other fragments. */
function reachableFragments(document: DocumentNode, selectionSet: SelectionSetNode | undefined): FragmentDefinitionNode[] {
  const byName = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const reached = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (!fragment || reached.has(fragment.name.value)) return;
        reached.set(fragment.name.value, fragment);
        walk(fragment);
      },
    });
  if (selectionSet) walk(selectionSet);
  return [...reached.values()];
}

function variablesIn(nodes: (SelectionSetNode | FragmentDefinitionNode | undefined)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    if (node) visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  }
  return names;
}

/** `liveId`, or with underscores until the operation declares no variable of that name. */
function freeName(base: string, operation: OperationDefinitionNode): string {
  const taken = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  let name = base;
  while (taken.has(name)) name = `_${name}`;
  return name;
}

function unresolvedOperation(document: DocumentNode, operationName: string | undefined): GraphQLError {
  if (operationName !== undefined) return unknownOperationName(operationName);
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION) ? operationNameMissing() : noOperation();
}

function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code } });
}
