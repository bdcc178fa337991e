import { buildSchema, getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countTokens, measureOperation } from '../src/limits/query-shape.ts';

const schema = buildSchema(`
  type Node { name: String child: Node }
  type Query { node: Node other: Node }
`);

function shapeOf(query: string) {
  const document = parse(query);
  return measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode);
}

describe('the shape of an operation', () => {
  it('counts depth, aliases, root fields and directives, fragments included', () => {
    expect(shapeOf('query Q($skip: Boolean!) { a: node { ...F } b: other @skip(if: $skip) { name } } fragment F on Node { child { c: name } }')).toEqual({
      depth: 3,
      aliases: 3,
      rootFields: 2,
      directives: 1,
    });
  });

  it('counts root fields in fragments and leaves introspection out', () => {
    expect(shapeOf('{ ...R __typename __schema { types { name } } } fragment R on Query { node { name } other { name } }').rootFields).toBe(2);
  });

  it('leaves the standard introspection query’s nesting out of the depth', () => {
    const document = parse(getIntrospectionQuery());
    expect(measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode)).toEqual({ depth: 0, aliases: 0, rootFields: 0, directives: 0 });
  });
});

describe('the tokens of a document', () => {
  it('are counted up to one past the cap', () => {
    expect(countTokens('{ node { name } }', 100)).toBe(6);
    expect(countTokens('{ node { name } }', 3)).toBe(4);
  });

  it('are counted up to a lexing error, which the parser then reports', () => {
    expect(countTokens('{ node(name: "unterminated', 100)).toBe(5);
  });
});
