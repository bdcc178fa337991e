import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { INTROSPECTION_FIELDS } from './introspection-access.ts';

/**
 * Limits that keep an ad-hoc query from hurting front-line work: how deep a query may nest and
 * how many fields it may select in all (fragments counted where they are spread). Introspection
 * (`__schema`, `__type`) is not counted.
 */
export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxFields: 2_000 };

export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = new Map<string, FragmentDefinitionNode>(
        context
          .getDocument()
          .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const { depth, fields } = measure(operation.selectionSet, fragments, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(limitError(`The query nests ${depth} levels deep; the limit is ${limits.maxDepth}`));
      } else if (fields > limits.maxFields) {
        context.reportError(limitError(`The query selects ${fields} fields; the limit is ${limits.maxFields}`));
      }
    },
  });
}

function measure(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>): { depth: number; fields: number } {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection's shape is fixed (graphql-js's own MaxIntrospectionDepthRule keeps its lists
      // from nesting); counted here, the standard introspection query (14 levels) could not pass.
      if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
      fields += 1;
      if (selection.selectionSet) {
        const inner = measure(selection.selectionSet, fragments, visiting);
        depth = Math.max(depth, inner.depth + 1);
        fields += inner.fields;
      }
      continue;
    }
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? measure(selection.selectionSet, fragments, visiting)
        : spreadMeasure(selection.name.value, fragments, visiting);
    depth = Math.max(depth, inner.depth);
    fields += inner.fields;
  }
  return { depth, fields };
}

function spreadMeasure(name: string, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>) {
  const fragment = fragments.get(name);
  // Unknown and cyclic fragments are reported by graphql's own validation rules.
  if (!fragment || visiting.has(name)) return { depth: 0, fields: 0 };
  visiting.add(name);
  const result = measure(fragment.selectionSet, fragments, visiting);
  visiting.delete(name);
  return result;
}

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}
