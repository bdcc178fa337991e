import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCoordinates, touches } from '../../src/schema-check/operation-coordinates.ts';

const SCHEMA = buildSchema(`
  type Query { wishes(filter: WishFilter, first: Int): [Wish!]! }
  type Wish { title: String! claimant: Claimant }
  type Resident { name: String! }
  type Organisation { name: String! }
  union Claimant = Resident | Organisation
  input WishFilter { status: [WishStatus!] grid: GridFilter }
  input GridFilter { id: ID! }
  enum WishStatus { OPEN CLAIMED }
`);

describe('the coordinates an operation uses', () => {
  it('are its fields, arguments, input fields and enum values written in it, and the types they name', () => {
    const document = parse('{ wishes(filter: { status: [OPEN] }, first: 5) { title claimant { ... on Resident { name } } } }');
    expect([...operationCoordinates(SCHEMA, document)].sort()).toEqual([
      'Claimant',
      'Int',
      'Query',
      'Query.wishes',
      'Query.wishes.filter',
      'Query.wishes.first',
      'Resident',
      'Resident.name',
      'String',
      'Wish',
      'Wish.claimant',
      'Wish.title',
      'WishFilter',
      'WishFilter.status',
      'WishStatus',
      'WishStatus.OPEN',
    ]);
  });

  it('count a variable’s input type whole, since the variables decide what is sent', () => {
    const coordinates = operationCoordinates(SCHEMA, parse('query Wishes($filter: WishFilter) { wishes(filter: $filter) { title } }'));
    expect(['WishFilter.grid', 'GridFilter.id', 'WishStatus.CLAIMED'].map((path) => coordinates.has(path))).toEqual([true, true, true]);
  });

  it('are touched by a change to themselves or to what holds them, not by one beside them', () => {
    const coordinates = new Set(['Wish', 'Wish.title', 'Query.wishes.first']);
    expect(['Wish', 'Wish.title', 'Query.wishes', 'Wish.claimant', 'Query.wish'].map((path) => touches(coordinates, path))).toEqual([true, true, true, false, false]);
  });
});
