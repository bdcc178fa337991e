import { buildSchema, execute, parse, print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import type { GraphClient } from '../src/graph-client.ts';
import { graphCall, requestTogether } from '../src/request-together.ts';

const schema = buildSchema(`
  type Organisation { id: ID! kind: String! }
  type Query { organisation(id: ID!): Organisation organisations(kind: String!): [Organisation!]! }
`);
const ORGANISATIONS = [
  { id: 'a', kind: 'COMMUNITY' },
  { id: 'b', kind: 'PARTY_BRANCH' },
  { id: 'c', kind: 'PARTY_BRANCH' },
];

/** A graph that executes what it is sent against the schema above, and keeps the texts sent. */
function recordingGraph() {
  const sent: { query: string; variables: unknown }[] = [];
  const graph: GraphClient = {
    async request(document, variables) {
      sent.push({ query: print(document), variables });
      const result = await execute({
        schema,
        document,
        variableValues: variables as Record<string, unknown>,
        rootValue: {
          organisation: ({ id }: { id: string }) => ORGANISATIONS.find((organisation) => organisation.id === id) ?? null,
          organisations: ({ kind }: { kind: string }) => ORGANISATIONS.filter((organisation) => organisation.kind === kind),
        },
      });
      if (result.errors) throw result.errors[0];
      return result.data as never;
    },
  };
  return { graph, sent };
}

const ORGANISATION = parse('query One($id: ID!) { organisation(id: $id) { id kind } }') as TypedDocumentNode<
  { organisation: { id: string; kind: string } | null },
  { id: string }
>;
const OF_KIND = parse('query OfKind($kind: String!) { first: organisations(kind: $kind) { id } }') as TypedDocumentNode<{ first: { id: string }[] }, { kind: string }>;

describe('requestTogether', () => {
  it('sends every call in one request and gives each call its own answer, in order', async () => {
    const { graph, sent } = recordingGraph();
    const answers = await requestTogether(graph, [
      graphCall(ORGANISATION, { id: 'b' }),
      graphCall(ORGANISATION, { id: 'missing' }),
      graphCall(OF_KIND, { kind: 'PARTY_BRANCH' }),
    ]);
    expect(answers).toEqual([{ organisation: { id: 'b', kind: 'PARTY_BRANCH' } }, { organisation: null }, { first: [{ id: 'b' }, { id: 'c' }] }]);
    expect(sent).toEqual([
      {
        query: print(parse('query ($c0_id: ID!, $c1_id: ID!, $c2_kind: String!) { c0_organisation: organisation(id: $c0_id) { id kind } c1_organisation: organisation(id: $c1_id) { id kind } c2_first: organisations(kind: $c2_kind) { id } }')),
        variables: { c0_id: 'b', c1_id: 'missing', c2_kind: 'PARTY_BRANCH' },
      },
    ]);
  });

  it('sends nothing for no calls', async () => {
    const { graph, sent } = recordingGraph();
    expect(await requestTogether(graph, [])).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('refuses documents it cannot combine safely', async () => {
    const { graph } = recordingGraph();
    const withFragment = parse('query F($id: ID!) { organisation(id: $id) { ...Facts } } fragment Facts on Organisation { id }') as TypedDocumentNode<unknown, { id: string }>;
    await expect(requestTogether(graph, [graphCall(withFragment, { id: 'a' })])).rejects.toThrow('Only documents of one operation without fragments can be sent together');
  });
});
