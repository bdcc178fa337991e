import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost, TooManyFieldsToPrice } from '../src/limits/query-cost.ts';
import { SubgraphOwnership } from '../src/limits/subgraph-ownership.ts';
import { SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';

// The composed supergraph the gateway serves: costs depend on which subgraph resolves each field.
const supergraphSdl = readFileSync(SUPERGRAPH_OUTPUT_PATH, 'utf8');
const schema = buildSchema(supergraphSdl);
const ownership = new SubgraphOwnership(supergraphSdl);
const costOf = (query: string, variables?: Record<string, unknown>) => operationCost({ schema, document: parse(query), variables, ownership });

describe('which subgraph resolves a field', () => {
  it('is the field’s own @join__field graph, else every graph of its type', () => {
    expect([...ownership.resolvers('Query', 'wishes')]).toEqual(['WISHES']);
    expect([...ownership.resolvers('Resident', 'activities')]).toEqual(['ORGANISATIONS']);
    expect([...ownership.resolvers('Resident', 'name')]).toEqual(['RESIDENTS']);
    expect([...ownership.resolvers('Resident', 'id')].sort()).toEqual(['MEETINGS', 'NOTIFICATIONS', 'ORGANISATIONS', 'RESIDENTS', 'RESOURCES', 'WISHES']);
  });
});

describe('the cost of an operation', () => {
  it('multiplies a connection’s items by first', () => {
    // organisations 1 + 100 × (edges 1 + node 1 + name 1 + kind 1 + parent 1 + parent's name 1)
    expect(costOf('{ organisations(first: 100) { edges { node { name kind parent { name } } } } }')).toBe(601);
    expect(costOf('{ organisations(first: 10) { edges { node { name kind parent { name } } } } }')).toBe(61);
  });

  it('takes first from the variables', () => {
    expect(costOf('query($n: Int) { organisations(first: $n) { edges { node { name } } } }', { n: 50 })).toBe(151);
  });

  it('counts a connection without first as the subgraphs’ default page of 20', () => {
    expect(costOf('{ organisations { edges { node { name } } } }')).toBe(1 + 20 * 3);
  });

  it('counts a plain list as 10 items', () => {
    // me 1 + (household 1 + (members 1 + 10 × name 1)), all resolved by residents
    expect(costOf('{ me { household { members { name } } } }')).toBe(13);
  });

  it('adds 3 per item for each other subgraph that resolves part of the item', () => {
    const own = costOf('{ wishes(first: 10) { edges { node { title } } } }');
    // requester is a Resident reference in wishes; its name comes from residents.
    const withRequester = costOf('{ wishes(first: 10) { edges { node { title requester { name } } } } }');
    expect(own).toBe(1 + 10 * 3);
    expect(withRequester).toBe(1 + 10 * (3 + 1 + 1 + 3));
    // matchingResources is resolved by resources on a Wish entity: one more fetch for every wish.
    expect(costOf('{ wishes(first: 10) { edges { node { title matchingResources { title } } } } }')).toBe(1 + 10 * (3 + 1 + 10 + 3));
  });

  it('counts a union’s other subgraphs once each', () => {
    // claimant 1 + name 1 + residents 3 + organisations 3
    expect(costOf('{ wishes(first: 1) { edges { node { claimant { ... on Resident { name } ... on Organisation { name } } } } } }')).toBe(1 + 1 * (1 + 1 + 8));
  });

  it('charges nothing for introspection', () => {
    expect(costOf('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBe(0);
    expect(costOf('{ __typename organisations(first: 1) { __typename edges { node { name } } } }')).toBe(4);
  });
});

describe('an operation whose fragments multiply', () => {
  it('is not priced past 10,000 fields', () => {
    // Each fragment spreads the next twice: 2^14 fields from a few hundred tokens.
    const fragments = Array.from({ length: 14 }, (_, i) => `fragment F${i} on Organisation { parent { ...F${i + 1} } p: parent { ...F${i + 1} } }`).join(' ');
    const query = `{ organisation(id: "x") { ...F0 } } ${fragments} fragment F14 on Organisation { name }`;
    expect(() => costOf(query)).toThrow(TooManyFieldsToPrice);
  });
});
