import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { isAnonymous } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';
import { anonymousIntrospection } from './gateway-errors.ts';

/** The fields through which an operation introspects the schema (`__typename` tells only a type's name). */
const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/**
 * In production the schema is described to signed-in callers only: an anonymous operation that
 * introspects (`__schema`, `__type`) is refused before anything runs. `__typename` stays open.
 */
export function signedInIntrospectionOnly(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (operation && isAnonymous(contextValue.viewer) && introspects(operation, document)) throw anonymousIntrospection();
        },
      };
    },
  };
}

/** Whether the operation selects __schema or __type at its root, fragments included. */
function introspects(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d.selectionSet]),
  );
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment !== undefined && visit(fragment);
    });
  return visit(operation.selectionSet);
}
