import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, Lexer, Source, TokenKind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The measures of one operation that its caller's caps bound. */
export interface OperationShape {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
}

/**
 * Measures the operation with graphql-armor's counters (used as measures: their limit is never
 * reached, we compare with the caller's caps ourselves). Depth leaves out `__schema`, so the
 * standard introspection query's fixed nesting is not counted; graphql-js's own
 * MaxIntrospectionDepthRule bounds introspection instead. A fragment is no level of its own.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const measured: Partial<OperationShape> = {};
  const unbounded = (key: keyof OperationShape) => ({
    n: Number.POSITIVE_INFINITY,
    onAccept: [(_context: unknown, { n }: { n: number }) => void (measured[key] = n)],
  });
  validate(schema, { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, [
    maxDepthRule({ ...unbounded('depth'), ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule(unbounded('aliases')),
    maxDirectivesRule(unbounded('directives')),
  ]);
  return {
    depth: measured.depth ?? 0,
    aliases: measured.aliases ?? 0,
    directives: measured.directives ?? 0,
    rootFields: rootFieldCount(operation.selectionSet, new Map(fragments.map((f) => [f.name.value, f]))),
  };
}

/** Root fields, fragments included; introspection's `__schema`, `__type` and `__typename` are free. */
function rootFieldCount(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith('__') ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(selection.selectionSet, fragments);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += rootFieldCount(fragment.selectionSet, fragments);
    }
  }
  return count;
}

/**
 * The lexical tokens of a document, counted up to `max + 1` so that a huge document is not read to
 * its end. A document that does not lex is counted up to its error and left to the parser to refuse.
 */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (tokens <= max && lexer.advance().kind !== TokenKind.EOF) tokens++;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return tokens;
}
