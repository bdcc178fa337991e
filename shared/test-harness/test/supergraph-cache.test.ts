import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeSupergraph, CompositionError, type SubgraphToCompose } from '@civic/dev-platform';
import { cachedComposer } from '../src/supergraph-cache.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const A = `${LINK} type Thing @key(fields: "id") { id: ID! } type Query { thing: Thing }`;
const B = `${LINK} type Thing @key(fields: "id") { id: ID! size: Int } type Query { things: [Thing] }`;
const PARTNER: SubgraphToCompose = { name: 'partner', url: 'https://partner.example/graphql', typeDefs: `${LINK} type Query { partnerNews: String }` };

const at = (portA: number, portB: number): SubgraphToCompose[] => [
  { name: 'a', url: `http://127.0.0.1:${portA}/graphql`, typeDefs: A },
  { name: 'b', url: `http://127.0.0.1:${portB}/graphql`, typeDefs: B },
  PARTNER,
];

describe('the supergraphs a test run composes once', () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'supergraph-cache-test-'));
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('answers exactly what composition answers at the subgraphs’ own URLs, from one composition kept for the same schemas', async () => {
    const compose = cachedComposer(cacheDir, new Set(['a', 'b']));
    expect(await compose(at(5001, 5002))).toBe(composeSupergraph(at(5001, 5002)));
    expect(await compose(at(6001, 6002))).toBe(composeSupergraph(at(6001, 6002)));
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('composes again for other schemas', async () => {
    const compose = cachedComposer(cacheDir, new Set(['a', 'b']));
    await compose(at(5001, 5002));
    const grown = at(5001, 5002).map((subgraph) => (subgraph.name === 'a' ? { ...subgraph, typeDefs: A.replace('thing: Thing', 'thing: Thing count: Int') } : subgraph));
    expect(await compose(grown)).toBe(composeSupergraph(grown));
    expect(await readdir(cacheDir)).toHaveLength(2);
  });

  it('throws composition’s problems for schemas that do not compose, every time, and keeps nothing', async () => {
    const compose = cachedComposer(cacheDir, new Set(['a', 'b']));
    const clashing = at(5001, 5002).map((subgraph) => (subgraph.name === 'b' ? { ...subgraph, typeDefs: B.replace('id: ID!', 'id: Int!') } : subgraph));
    await expect(compose(clashing)).rejects.toThrow(CompositionError);
    await expect(compose(clashing)).rejects.toThrow(CompositionError);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
