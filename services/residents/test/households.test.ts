import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, expectError, type FakeGraph } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import { GRID_QUERY } from '../src/graph/organisations.ts';
import { microGridSizeAdvice } from '../src/domain/grid-size.ts';
import { createHousehold, dataOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, residentViewer, STRANGER_ID, VIEWERS } from './support/world.ts';
import { unauthenticated, notAnId, emptyText } from '@civic/service-kit';
import { createHouseholdOutOfScope, createHouseholdsNotStaff, householdAddressTaken, listGridHouseholdsNotStaff, noSuchGrid, readHouseholdAsAnalyst, readMembersOfAnotherHousehold } from '../src/errors.ts';

const CREATE = 'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id building unit room grid { id } community { id } } }';

let tester: Tester;
let graph: FakeGraph;

beforeAll(async () => {
  graph = organisationsGraph();
  tester = await createSubgraphTester(residentsSubgraph, { graph });
});
afterAll(() => tester.close());

describe('createHousehold', () => {
  it('asks the graph for the grid and copies its community and path', async () => {
    const result = await tester.execute(CREATE, { input: { gridId: GRID.microA, building: ' ３栋', unit: '2单元', room: '３０１' } }, VIEWERS.communityWorkerA);
    const household = dataOf<{ createHousehold: Record<string, unknown> }>(result).createHousehold;
    expect(household).toEqual({
      id: household.id,
      building: '3栋',
      unit: '2单元',
      room: '301',
      grid: { id: GRID.microA },
      community: { id: ORG.communityA },
    });
    expect(graph.requests.at(-1)).toEqual({ document: GRID_QUERY, variables: { id: GRID.microA } });
    const stored = await tester.models.Household.findById(household.id as string).lean();
    expect(stored?.organisationPath.map(String)).toEqual([ORG.district, ORG.streetA, ORG.communityA]);
  });

  it('refuses a second household at the same address', async () => {
    const input = { gridId: GRID.microA, building: '5栋', unit: '1单元', room: '101' };
    await createHousehold(tester, input);
    const before = await tester.models.Household.countDocuments();
    const result = await tester.execute(CREATE, { input: { ...input, room: ' 101 ' } }, VIEWERS.communityWorkerA);
    expectError(result, householdAddressTaken({ building: '5栋', unit: '1单元', room: '101' }));
    expect(await tester.models.Household.countDocuments()).toBe(before);
  });

  it('answers BAD_USER_INPUT on gridId for a grid the graph does not know, writing nothing', async () => {
    const before = await tester.models.Household.countDocuments();
    const result = await tester.execute(CREATE, { input: { gridId: GRID.missing, building: '1栋', unit: '1单元', room: '101' } }, VIEWERS.streetAdminA);
    expectError(result, noSuchGrid());
    expect(await tester.models.Household.countDocuments()).toBe(before);
  });

  it('refuses malformed input before asking anyone', async () => {
    const asked = graph.requests.length;
    const badId = await tester.execute(CREATE, { input: { gridId: 'grid-1', building: '1栋', unit: '1单元', room: '101' } }, VIEWERS.streetAdminA);
    expectError(badId, notAnId('gridId'));
    const emptyRoom = await tester.execute(CREATE, { input: { gridId: GRID.microA, building: '1栋', unit: '1单元', room: '  ' } }, VIEWERS.streetAdminA);
    expectError(emptyRoom, emptyText('room'));
    expect(graph.requests.length).toBe(asked);
  });

  it('refuses staff whose scope does not cover the grid, and non-staff', async () => {
    const before = await tester.models.Household.countDocuments();
    const input = { gridId: GRID.microA, building: '9栋', unit: '1单元', room: '101' };
    expectError(await tester.execute(CREATE, { input }, VIEWERS.communityWorkerB), createHouseholdOutOfScope());
    expectError(await tester.execute(CREATE, { input }, residentViewer(STRANGER_ID)), createHouseholdsNotStaff());
    expectError(await tester.execute(CREATE, { input }), unauthenticated());
    expect(await tester.models.Household.countDocuments()).toBe(before);
  });
});

describe('household visibility', () => {
  const QUERY = 'query($id: ID!) { household(id: $id) { building unit room members { name } } }';
  let householdId: string;
  let residentId: string;

  beforeAll(async () => {
    householdId = await createHousehold(tester, { gridId: GRID.generalA, building: '12栋', unit: '3单元', room: '502' });
    residentId = await registerResident(tester, { householdId, name: '郑秀英', birthYear: 1952 });
  });

  it('shows the room to the people who live there and to covering staff', async () => {
    const full = { household: { building: '12栋', unit: '3单元', room: '502', members: [{ name: '郑秀英' }] } };
    expect(dataOf(await tester.execute(QUERY, { id: householdId }, residentViewer(residentId)))).toEqual(full);
    expect(dataOf(await tester.execute(QUERY, { id: householdId }, VIEWERS.gridWorkerA))).toEqual(full);
  });

  it('shows others the building and unit, without the room, and refuses them the members', async () => {
    for (const other of [VIEWERS.communityWorkerB, residentViewer(STRANGER_ID)]) {
      const result = await tester.execute(QUERY, { id: householdId }, other);
      expect(result.data).toEqual({ household: null });
      expectError(result, readMembersOfAnotherHousehold());
      expect(dataOf(await tester.execute('query($id: ID!) { household(id: $id) { building unit room } }', { id: householdId }, other))).toEqual({
        household: { building: '12栋', unit: '3单元', room: null },
      });
    }
  });

  it('refuses anonymous callers, and analysts, who read no household', async () => {
    expectError(await tester.execute(QUERY, { id: householdId }), unauthenticated());
    expectError(await tester.execute(QUERY, { id: householdId }, VIEWERS.analyst), readHouseholdAsAnalyst());
  });
});

describe('Grid and Household entities', () => {
  const ENTITIES = `query($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Grid { id householdCount sizeCheck { householdCount withinStandard message } households(first: 2) { edges { node { room } } pageInfo { hasNextPage } totalCount } }
      ... on Household { id building }
    }
  }`;

  it('checks the size of a micro-grid with the level the gateway sends', async () => {
    for (let room = 1; room <= 3; room++) await createHousehold(tester, { gridId: GRID.microB, building: '1栋', unit: '1单元', room: `10${room}` }, VIEWERS.communityWorkerB);
    const result = await tester.execute(ENTITIES, { representations: [{ __typename: 'Grid', id: GRID.microB, level: 'MICRO' }] }, VIEWERS.communityWorkerB);
    expect(dataOf(result)).toEqual({
      _entities: [
        {
          id: GRID.microB,
          householdCount: 3,
          sizeCheck: {
            householdCount: 3,
            withinStandard: false,
            message: microGridSizeAdvice(3),
          },
          households: { edges: [{ node: { room: '101' } }, { node: { room: '102' } }], pageInfo: { hasNextPage: true }, totalCount: 3 },
        },
      ],
    });
  });

  it('counts several grids in one aggregate, and has no standard for a general grid', async () => {
    const representations = [
      { __typename: 'Grid', id: GRID.generalA, level: 'GENERAL' },
      { __typename: 'Grid', id: GRID.missing, level: 'MICRO' },
    ];
    tester.commands.reset();
    const result = await tester.execute(
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Grid { id sizeCheck { householdCount withinStandard message } } } }',
      { representations },
      VIEWERS.streetAdminA,
    );
    expect(dataOf(result)).toEqual({
      _entities: [
        { id: GRID.generalA, sizeCheck: { householdCount: 1, withinStandard: true, message: null } },
        {
          id: GRID.missing,
          sizeCheck: { householdCount: 0, withinStandard: false, message: microGridSizeAdvice(0) },
        },
      ],
    });
    expect(tester.commands.entries()).toEqual([{ name: 'aggregate', collection: 'households' }]);
  });

  it('lists a grid for staff within their scope and services only', async () => {
    const LIST = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Grid { residents { totalCount } households { totalCount } } } }`;
    const representations = [{ __typename: 'Grid', id: GRID.microB }];
    expect(dataOf(await tester.execute(LIST, { representations }, VIEWERS.service))).toEqual({ _entities: [{ residents: { totalCount: 0 }, households: { totalCount: 3 } }] });
    expect(dataOf(await tester.execute(LIST, { representations }, VIEWERS.communityWorkerA))).toEqual({
      _entities: [{ residents: { totalCount: 0 }, households: { totalCount: 0 } }],
    });
    const households = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Grid { households { totalCount } } } }';
    expectError(await tester.execute(households, { representations }, residentViewer(STRANGER_ID)), listGridHouseholdsNotStaff());
  });

  it('resolves Household references in one query', async () => {
    const ids = [await createHousehold(tester, { gridId: GRID.generalA, building: '20栋', unit: '1单元', room: '101' }), await createHousehold(tester, { gridId: GRID.generalA, building: '20栋', unit: '1单元', room: '102' })];
    tester.commands.reset();
    const result = await tester.execute(ENTITIES, { representations: ids.map((id) => ({ __typename: 'Household', id })) }, VIEWERS.service);
    expect(dataOf(result)).toEqual({ _entities: ids.map((id) => ({ id, building: '20栋' })) });
    expect(tester.commands.entries()).toEqual([{ name: 'find', collection: 'households' }]);
  });

  it('pages the households of several grids, and several pages of one grid, in one aggregate, logging the rooms read in one insert', async () => {
    const PAGES = `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) { ... on Grid {
      id households(first: 2) { edges { node { room } } pageInfo { hasNextPage endCursor } } rest: households(first: 5, after: $after) { edges { node { room } } }
    } } }`;
    const representations = [GRID.generalA, GRID.microB, GRID.missing].map((id) => ({ __typename: 'Grid', id }));
    const firstPages = dataOf<{ _entities: { households: { pageInfo: { endCursor: string } } }[] }>(await tester.execute(PAGES, { representations }, VIEWERS.service));
    tester.commands.reset();
    const result = await tester.execute(PAGES, { representations, after: firstPages._entities[0]!.households.pageInfo.endCursor }, VIEWERS.service);
    const rooms = (...names: string[]) => names.map((room) => ({ node: { room } }));
    expect(dataOf(result)).toEqual({
      _entities: [
        { id: GRID.generalA, households: { edges: rooms('502', '101'), pageInfo: { hasNextPage: true, endCursor: expect.any(String) } }, rest: { edges: rooms('102') } },
        // Households page by id: the micro-grid's were all created before the general grid's second.
        { id: GRID.microB, households: { edges: rooms('101', '102'), pageInfo: { hasNextPage: true, endCursor: expect.any(String) } }, rest: { edges: [] } },
        { id: GRID.missing, households: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }, rest: { edges: [] } },
      ],
    });
    // The pages in one aggregate; the rooms a service read are its members' addresses in the
    // access log: their members in one find, every entry in one insert.
    expect(tester.commands.entries()).toEqual([
      { name: 'aggregate', collection: 'households' },
      { name: 'find', collection: 'residents' },
      { name: 'insert', collection: 'personalDataReads' },
    ]);
  });
});
