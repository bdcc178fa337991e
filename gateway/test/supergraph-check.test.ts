import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSupergraph, subgraphsOf } from '../src/supergraph-check.ts';
import { SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';

// The project's composed supergraph, as `npm run compose` writes it.
const supergraphSdl = readFileSync(SUPERGRAPH_OUTPUT_PATH, 'utf8');

describe('checking a supergraph before the gateway serves it', () => {
  it('accepts the composed supergraph and names its subgraphs at their routing URLs', () => {
    expect(checkSupergraph(supergraphSdl).map(({ name, url }) => [name, url])).toEqual([
      ['meetings', 'http://127.0.0.1:4005/graphql'],
      ['notifications', 'http://127.0.0.1:4006/graphql'],
      ['organisations', 'http://127.0.0.1:4002/graphql'],
      ['residents', 'http://127.0.0.1:4001/graphql'],
      ['resources', 'http://127.0.0.1:4004/graphql'],
      ['wishes', 'http://127.0.0.1:4003/graphql'],
    ]);
  });

  it('refuses text that is no GraphQL, and a schema that is no supergraph', () => {
    expect(() => checkSupergraph('garbage')).toThrow('Syntax Error: Unexpected Name "garbage".');
    expect(() => checkSupergraph('type Query { a: Int }')).toThrow(/Invalid supergraph: must be a core schema/);
  });

  it('finds each subgraph where SUBGRAPH_URL_<NAME> points, after any reload', () => {
    expect(subgraphsOf(supergraphSdl, { residents: 'http://residents.internal:8080/graphql' }).find(({ name }) => name === 'residents')).toEqual({
      name: 'residents',
      url: 'http://residents.internal:8080/graphql',
    });
  });
});
