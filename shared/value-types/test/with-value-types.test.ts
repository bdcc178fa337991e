import { describe, expect, it } from 'vitest';
import { parse, print, type DocumentNode } from 'graphql';
import { VALUE_TYPES, valueTypesCopiedDifferently, valueTypesUsedBy, withValueTypes, withValueTypesSdl } from '../src/index.ts';

const names = (typeDefs: DocumentNode) => valueTypesUsedBy(typeDefs).map((definition) => definition.name.value);

describe('the value types', () => {
  it('are each written once, one concept group per file', () => {
    expect([...VALUE_TYPES.keys()]).toEqual([
      'DateTime',
      'JSON',
      'PageInfo',
      'Aggregate',
      'AggregateGroup',
      'AggregateFigure',
      'AggregateMeasure',
      'AggregatePeriod',
      'GeoPoint',
      'GeoPointInput',
      'NearInput',
      'OrganisationKind',
      'GridLevel',
    ]);
  });
});

describe('the value types a subgraph uses', () => {
  it('are those its fields name, with the value types they name in turn, in the order of their files', () => {
    expect(names(parse('type Query { statistics: Aggregate! }'))).toEqual(['Aggregate', 'AggregateGroup', 'AggregateFigure', 'AggregateMeasure']);
  });

  it('include the types of arguments and input fields', () => {
    expect(names(parse('type Query { places(near: NearInput, since: DateTime): [String!]! }'))).toEqual(['DateTime', 'GeoPointInput', 'NearInput']);
    expect(names(parse('input Filter { kind: OrganisationKind } type Query { units(filter: Filter): Int }'))).toEqual(['OrganisationKind']);
  });

  it('leave out the value types it does not name', () => {
    expect(names(parse('type Query { hello: String }'))).toEqual([]);
  });

  it('leave out a value type it defines itself', () => {
    expect(names(parse('"A JSON document: a department\'s part of a resident\'s data export." scalar JSON type Query { export: JSON, at: DateTime }'))).toEqual(['DateTime']);
  });
});

describe('a subgraph schema with its value types', () => {
  it('is its own definitions followed by the value types it uses', () => {
    const own = parse('type Query { page: PageInfo! }');
    expect(withValueTypes(own).definitions).toEqual([...own.definitions, VALUE_TYPES.get('PageInfo')]);
  });

  it('keeps the SDL text unchanged in front of the value types, so locations in it still hold', () => {
    const sdl = '# paging\ntype Query { page: PageInfo! }\n';
    const composed = withValueTypesSdl(sdl);
    expect(composed.startsWith('# paging\ntype Query { page: PageInfo! }\n\n')).toBe(true);
    expect(print(parse(composed))).toBe(print(withValueTypes(parse(sdl))));
  });

  it('is the SDL itself when it uses no value type', () => {
    expect(withValueTypesSdl('type Query { hello: String }')).toBe('type Query { hello: String }');
  });

  it('accepts a copy of a value type written exactly as here, descriptions included, whichever quotes they use', () => {
    const copy = parse(`"""A point on the earth, WGS 84.""" type GeoPoint @shareable { longitude: Float! latitude: Float! } type Query { at: GeoPoint }`);
    expect(valueTypesCopiedDifferently(copy)).toEqual([]);
    expect(names(copy)).toEqual([]);
  });

  it('refuses a copy that differs, which composition would let through and which would change the API', () => {
    const differing = parse('enum GridLevel { COMMUNITY GENERAL MICRO } "A point" type GeoPoint @shareable { longitude: Float! latitude: Float! } type Query { level: GridLevel, at: GeoPoint }');
    expect(valueTypesCopiedDifferently(differing)).toEqual(['GridLevel', 'GeoPoint']);
    expect(() => withValueTypes(differing)).toThrow(
      "The SDL defines GridLevel, GeoPoint other than the graph's value types (shared/value-types): define none, or copy them unchanged",
    );
  });
});
