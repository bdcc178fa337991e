import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { CompositionError } from '@civic/dev-platform';
import { SIGNING_ALGORITHM, verifyAccessToken, type KeyPair } from '@civic/identity';
import { startGraph, type LocalSubgraph, type RunningPart, type SubgraphWiring } from '../src/start-graph.ts';

// The parts here are plain servers that never listen: startGraph's own work (order, tokens,
// composition, stopping) is what is under test; the real parts run in the harness's graph tests.
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

function recorder() {
  const events: string[] = [];
  const part = (name: string, url: string): RunningPart => ({
    url,
    stop: async () => {
      events.push(`stop ${name}`);
    },
  });
  const subgraph = (name: string, typeDefs: string, failure?: Error): LocalSubgraph<RunningPart> & { wiring?: SubgraphWiring } => {
    const local: LocalSubgraph<RunningPart> & { wiring?: SubgraphWiring } = {
      name,
      typeDefs,
      async start(wiring) {
        local.wiring = wiring;
        events.push(`start ${name}`);
        if (failure) throw failure;
        return part(name, `http://127.0.0.1:${name === 'a' ? 5001 : 5002}/graphql`);
      },
    };
    return local;
  };
  return { events, part, subgraph };
}

describe('starting the whole graph', () => {
  it('starts the subgraphs, then the gateway in front of them where they listen, and stops the gateway first', async () => {
    const keys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
    const { events, part, subgraph } = recorder();
    const a = subgraph('a', `${LINK} type Thing @key(fields: "id") { id: ID! } type Query { thing: Thing }`);
    const b = subgraph('b', `${LINK} type Thing @key(fields: "id") { id: ID! size: Int } type Query { things: [Thing] }`);
    let supergraph = '';
    const graph = await startGraph({
      subgraphs: [a, b],
      remoteSubgraphs: [{ name: 'partner', url: 'https://partner.example/graphql', typeDefs: `${LINK} type Query { partnerNews: String }` }],
      gateway: {
        plannedUrl: 'http://127.0.0.1:5000/graphql',
        async start(supergraphSdl) {
          supergraph = supergraphSdl;
          events.push('start gateway');
          return part('gateway', 'http://127.0.0.1:5000/graphql');
        },
      },
      accessTokenPrivateKey: keys.privateKey,
    });

    expect(events).toEqual(['start a', 'start b', 'start gateway']);
    expect(supergraph).toContain('@join__graph(name: "a", url: "http://127.0.0.1:5001/graphql")');
    expect(supergraph).toContain('@join__graph(name: "b", url: "http://127.0.0.1:5002/graphql")');
    expect(supergraph).toContain('@join__graph(name: "partner", url: "https://partner.example/graphql")');
    expect(a.wiring!.gatewayUrl()).toBe('http://127.0.0.1:5000/graphql');
    const viewer = await verifyAccessToken(keys.publicKey, a.wiring!.serviceToken);
    expect(viewer).toMatchObject({ subject: 'service:a', roles: ['SERVICE'] });

    await graph.stop();
    expect(events.slice(3)).toEqual(['stop gateway', 'stop a', 'stop b']);
  });

  it('gives a subgraph the gateway URL once the gateway runs when its port was not planned', async () => {
    const keys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
    const { part, subgraph } = recorder();
    const a = subgraph('a', `${LINK} type Query { hello: String }`);
    const graph = await startGraph({
      subgraphs: [a],
      gateway: { start: async () => part('gateway', 'http://127.0.0.1:5999/graphql') },
      accessTokenPrivateKey: keys.privateKey,
    });
    expect(a.wiring!.gatewayUrl()).toBe('http://127.0.0.1:5999/graphql');
    await graph.stop();
  });

  it('stops the subgraphs it started and never starts the gateway when they do not compose', async () => {
    const keys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
    const { events, part, subgraph } = recorder();
    const start = startGraph({
      subgraphs: [
        subgraph('a', `${LINK} type Thing @key(fields: "id") { id: ID! size: Int } type Query { a: Thing }`),
        subgraph('b', `${LINK} type Thing @key(fields: "id") { id: ID! size: String } type Query { b: Thing }`),
      ],
      gateway: { start: async () => part('gateway', 'http://127.0.0.1:5000/graphql') },
      accessTokenPrivateKey: keys.privateKey,
    });
    await expect(start).rejects.toThrow(CompositionError);
    await expect(start).rejects.toThrow(/FIELD_TYPE_MISMATCH: Type of field "Thing.size" is incompatible across subgraphs/);
    expect(events).toEqual(['start a', 'start b', 'stop a', 'stop b']);
  });

  it('starts the subgraphs together, and when one fails stops those that started and never starts the gateway', async () => {
    const keys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
    const { events, part, subgraph } = recorder();
    const failure = new Error('b cannot reach its database');
    const start = startGraph({
      subgraphs: [subgraph('a', `${LINK} type Query { a: Int }`), subgraph('b', `${LINK} type Query { b: Int }`, failure), subgraph('c', `${LINK} type Query { c: Int }`)],
      gateway: { start: async () => part('gateway', 'http://127.0.0.1:5000/graphql') },
      accessTokenPrivateKey: keys.privateKey,
    });
    await expect(start).rejects.toBe(failure);
    expect(events).toEqual(['start a', 'start b', 'start c', 'stop a', 'stop c']);
  });
});
