import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subgraphUrlsFromEnv, supergraphPathFromEnv } from '../src/supergraph.ts';

describe('where the gateway finds its supergraph', () => {
  it('reads the path SUPERGRAPH_PATH gives, relative to the working directory', () => {
    expect(supergraphPathFromEnv({ SUPERGRAPH_PATH: '/srv/graph/supergraph.graphql' })).toBe('/srv/graph/supergraph.graphql');
    expect(supergraphPathFromEnv({ SUPERGRAPH_PATH: 'deploy/supergraph.graphql' })).toBe(join(process.cwd(), 'deploy/supergraph.graphql'));
  });

  it('takes supergraph.graphql in the working directory when SUPERGRAPH_PATH is unset or empty', () => {
    expect(supergraphPathFromEnv({})).toBe(join(process.cwd(), 'supergraph.graphql'));
    expect(supergraphPathFromEnv({ SUPERGRAPH_PATH: '' })).toBe(join(process.cwd(), 'supergraph.graphql'));
  });
});

describe('subgraph URL overrides', () => {
  it('maps SUBGRAPH_URL_<NAME> to the subgraph name', () => {
    expect(subgraphUrlsFromEnv({ SUBGRAPH_URL_RESIDENTS: 'http://residents:4001/graphql', PATH: '/bin' })).toEqual({
      residents: 'http://residents:4001/graphql',
    });
  });
});
