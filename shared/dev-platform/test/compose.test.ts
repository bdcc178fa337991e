import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { composeSupergraph, CompositionError, configuredSubgraph } from '../src/compose/compose-supergraph.ts';
import { readSupergraphConfig, SUPERGRAPH_OUTPUT_PATH } from '../src/compose/supergraph-config.ts';

describe('composition', () => {
  it('composes every subgraph listed in infra/supergraph.yaml', async () => {
    const subgraphs = await readSupergraphConfig();
    const supergraph = composeSupergraph(subgraphs.map((subgraph) => configuredSubgraph(subgraph)));
    for (const subgraph of subgraphs) {
      expect(supergraph).toContain(`@join__graph(name: "${subgraph.name}", url: "${subgraph.routingUrl}")`);
    }
  });

  it('has infra/supergraph.graphql up to date with the subgraph schemas (else run npm run compose)', async () => {
    const committed = await readFile(SUPERGRAPH_OUTPUT_PATH, 'utf8');
    expect(committed).toBe(composeSupergraph((await readSupergraphConfig()).map((subgraph) => configuredSubgraph(subgraph))));
  });

  it('fails naming the problem when two subgraphs disagree', () => {
    const entry = (name: string, typeDefs: string) => ({ name, url: `http://${name}/graphql`, typeDefs, source: `${name}.graphql` });
    const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
    const compose = () =>
      composeSupergraph([
        entry('a', `${link} type Thing @key(fields: "id") { id: ID! size: Int } type Query { a: Thing }`),
        entry('b', `${link} type Thing @key(fields: "id") { id: ID! size: String } type Query { b: Thing }`),
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/FIELD_TYPE_MISMATCH: Type of field "Thing.size" is incompatible across subgraphs/);
  });
});
