import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule } from '../src/query-limits.ts';
import { subgraphUrlsFromEnv } from '../src/supergraph.ts';

const schema = buildSchema(`
  type Node { name: String child: Node }
  type Query { node: Node }
`);

function errorsFor(query: string, limits = { maxDepth: 3, maxFields: 5 }) {
  return validate(schema, parse(query), [queryLimitsRule(limits)]).map((error) => error.message);
}

describe('query limits', () => {
  it('accepts a query within both limits', () => {
    expect(errorsFor('{ node { child { name } } }')).toEqual([]);
  });

  it('refuses a query nested deeper than the limit', () => {
    expect(errorsFor('{ node { child { child { child { name } } } } }')).toEqual(['The query nests 4 levels deep; the limit is 3']);
  });

  it('lets the standard introspection query through the default limits', () => {
    expect(errorsFor(getIntrospectionQuery(), DEFAULT_QUERY_LIMITS)).toEqual([]);
  });

  it('still refuses an ordinary query 13 levels deep under the default limits', () => {
    const thirteenDeep = `{ node { ${'child { '.repeat(12)}name${' }'.repeat(12)} } }`;
    expect(errorsFor(thirteenDeep, DEFAULT_QUERY_LIMITS)).toEqual(['The query nests 13 levels deep; the limit is 12']);
  });

  it('counts the ordinary fields beside introspection', () => {
    expect(errorsFor('{ __schema { types { name } } node { child { child { child { name } } } } }')).toEqual(['The query nests 4 levels deep; the limit is 3']);
  });

  it('counts fields spread through fragments', () => {
    expect(errorsFor('{ a: node { ...F } b: node { ...F } } fragment F on Node { name child { name } }')).toEqual([
      'The query selects 8 fields; the limit is 5',
    ]);
  });
});

describe('subgraph URL overrides', () => {
  it('maps SUBGRAPH_URL_<NAME> to the subgraph name', () => {
    expect(subgraphUrlsFromEnv({ SUBGRAPH_URL_RESIDENTS: 'http://residents:4001/graphql', PATH: '/bin' })).toEqual({
      residents: 'http://residents:4001/graphql',
    });
  });
});
