import { Kind, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphClient } from './graph-client.ts';

/** One typed operation and its variables, to be sent together with others. */
export interface GraphCall<TResult, TVariables> {
  document: TypedDocumentNode<TResult, TVariables>;
  variables: TVariables;
}

/** A call whose variables are checked against its document. */
export function graphCall<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): GraphCall<TResult, TVariables> {
  return { document, variables };
}

type ResultsOf<TCalls extends readonly { document: DocumentNode }[]> = { [K in keyof TCalls]: ResultOf<TCalls[K]['document']> };

const prefixOf = (index: number) => `c${index}_`;

/**
 * Several operations in one request to the graph (a round trip per organisation asked would cost
 * more than the question): each call's root fields are aliased and its variables renamed with the
 * call's index, and each call gets its own answer back. No request is sent for no calls.
 */
export async function requestTogether<const TCalls extends readonly { document: DocumentNode; variables: object }[]>(graph: GraphClient, calls: TCalls): Promise<ResultsOf<TCalls>> {
  if (calls.length === 0) return [] as unknown as ResultsOf<TCalls>;
  const operations = calls.map((call, index) => renamed(operationOf(call.document), prefixOf(index)));
  const kinds = new Set(operations.map((operation) => operation.operation));
  if (kinds.size > 1) throw new Error('Operations sent together must all be queries or all be mutations');
  const combined: TypedDocumentNode<Record<string, unknown>, Record<string, unknown>> = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: operations[0]!.operation,
        variableDefinitions: operations.flatMap((operation) => operation.variableDefinitions ?? []),
        selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((operation) => operation.selectionSet.selections) },
      },
    ],
  };
  const variables = Object.fromEntries(calls.flatMap((call, index) => Object.entries(call.variables).map(([name, value]) => [prefixOf(index) + name, value])));
  const data = await graph.request(combined, variables);
  return operations.map((operation, index) =>
    Object.fromEntries(rootFieldsOf(operation).map((field) => [field.alias!.value.slice(prefixOf(index).length), data[field.alias!.value]])),
  ) as unknown as ResultsOf<TCalls>;
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const [definition, ...others] = document.definitions;
  if (definition?.kind !== Kind.OPERATION_DEFINITION || others.length > 0) throw new Error('Only documents of one operation without fragments can be sent together');
  return definition;
}

function rootFieldsOf(operation: OperationDefinitionNode): FieldNode[] {
  return operation.selectionSet.selections.map((selection) => {
    if (selection.kind !== Kind.FIELD) throw new Error('Operations sent together select fields at their root, not fragments');
    return selection;
  });
}

/** The operation with every variable and root response key prefixed, so that calls cannot collide. */
function renamed(operation: OperationDefinitionNode, prefix: string): OperationDefinitionNode {
  const withVariables = visit(operation, {
    Variable: (variable) => ({ ...variable, name: { ...variable.name, value: prefix + variable.name.value } }),
  });
  const selections = rootFieldsOf(withVariables).map((field): FieldNode => ({ ...field, alias: { kind: Kind.NAME, value: prefix + (field.alias ?? field.name).value } }));
  return { ...withVariables, selectionSet: { ...withVariables.selectionSet, selections } };
}
