import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '@civic/dev-platform';
import { entityKeys } from '../../src/partners/entity-keys.ts';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('the entities a supergraph offers to extend', () => {
  it('are its keyed types, each key once, without the keys a subgraph declared unresolvable', () => {
    const supergraph = composeSupergraph([
      {
        name: 'people',
        url: 'http://people/graphql',
        typeDefs: `${FEDERATION}
          type Person @key(fields: "id") @key(fields: "code") { id: ID! code: String! name: String! }
          type Query { people: [Person!]! }`,
      },
      {
        name: 'places',
        url: 'http://places/graphql',
        typeDefs: `${FEDERATION}
          type Person @key(fields: "id") { id: ID! home: Place }
          type Place @key(fields: "id") { id: ID! owner: Owner }
          type Owner @key(fields: "ownerId", resolvable: false) { ownerId: ID! }
          type Query { places: [Place!]! }`,
      },
    ]);
    expect(entityKeys(supergraph)).toEqual([
      { type: 'Person', keys: ['code', 'id'] },
      { type: 'Place', keys: ['id'] },
    ]);
  });
});
