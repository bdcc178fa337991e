import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { createSubgraphTester, type SubgraphTester, dataOf, staff, expectError, type ErrorWithExtensions, FakeGraph } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { TreeBuilder } from './support/tree-builder.ts';
import { unauthenticated, unknownId, emptyText, invalidInput } from '@civic/service-kit';
import { gridWithoutParent, parentGridOfOtherShape, parentGridOfWrongLevel, topGridWithParent } from '../src/domain/grid-tree.ts';
import { kindMismatch } from '../src/domain/organisation-tree.ts';
import { assignGridResponsibleOutOfScope, createGridOutOfScope, parentGridInAnotherCommunity, partyBranchOutsideCommunity, responsibleLivesElsewhere } from '../src/errors.ts';

// Stands in for the gateway: the residents subgraph knows the residents each test registers there.
const graph = new FakeGraph();
const knownResident = graph.resident(null);
/** A resident whose household lies in `gridId`. */
const residentOf = (gridId: string) => graph.resident(null, { gridId, household: { pairedMemberId: null } });

let tester: SubgraphTester<Models>;
let tree: Awaited<ReturnType<TreeBuilder['fiveLevels']>>;
let otherCommunity: string;
let otherBranch: string;
let worker: ReturnType<typeof staff>;

const CREATE = `mutation($input: CreateGridInput!) { createGrid(input: $input) { id name level organisationPath community { name } parent { name } partyBranch { name } } }`;

async function createGrid(input: Record<string, unknown>): Promise<string> {
  const result = await tester.execute(CREATE, { input }, worker);
  return dataOf<{ createGrid: { id: string } }>(result).createGrid.id;
}

beforeAll(async () => {
  tester = await createSubgraphTester(organisationsSubgraph, { graph });
  const builder = new TreeBuilder(tester);
  tree = await builder.fiveLevels();
  otherCommunity = await builder.organisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', tree.street);
  otherBranch = await builder.organisation('滨江社区第一党支部', 'PARTY_BRANCH', otherCommunity);
  worker = staff('COMMUNITY_WORKER', [tree.community]);
});

afterAll(async () => {
  await tester.close();
});

describe('the grid tree', () => {
  it('creates community, general and micro grids with their community path and ancestors', async () => {
    const communityGrid = await tester.execute(
      CREATE,
      { input: { name: '新城社区网格', level: 'COMMUNITY', communityId: tree.community, partyBranchId: tree.branch } },
      worker,
    );
    const top = dataOf<{ createGrid: { id: string } }>(communityGrid).createGrid;
    expect(top).toEqual({
      id: top.id,
      name: '新城社区网格',
      level: 'COMMUNITY',
      organisationPath: [tree.district, tree.street, tree.community],
      community: { name: '新城社区党委' },
      parent: null,
      partyBranch: { name: '新城社区第一党支部' },
    });
    const general = await createGrid({ name: '第一综合网格', level: 'GENERAL', communityId: tree.community, parentId: top.id });
    const micro = await createGrid({ name: '3栋微网格', level: 'MICRO', communityId: tree.community, parentId: general });

    const read = await tester.execute(
      `query($id: ID!) { grid(id: $id) { name level ancestors { name level } parent { name } children { totalCount edges { node { name } } } } }`,
      { id: micro },
      ANONYMOUS,
    );
    expect(dataOf(read)).toEqual({
      grid: {
        name: '3栋微网格',
        level: 'MICRO',
        ancestors: [
          { name: '新城社区网格', level: 'COMMUNITY' },
          { name: '第一综合网格', level: 'GENERAL' },
        ],
        parent: { name: '第一综合网格' },
        children: { totalCount: 0, edges: [] },
      },
    });
    const listed = await tester.execute(
      `query($c: ID!) { grids(filter: { communityId: $c, level: MICRO }) { totalCount edges { node { name } } } }`,
      { c: tree.community },
    );
    expect(dataOf(listed)).toEqual({ grids: { totalCount: 1, edges: [{ node: { name: '3栋微网格' } }] } });
    const children = await tester.execute(`query($p: ID!) { grids(filter: { parentId: $p }) { edges { node { name } } } }`, { p: top.id });
    expect(dataOf(children)).toEqual({ grids: { edges: [{ node: { name: '第一综合网格' } }] } });
    const below = await tester.execute(`query($id: ID!) { grid(id: $id) { children(first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage } } } }`, { id: top.id });
    expect(dataOf(below)).toEqual({ grid: { children: { totalCount: 1, edges: [{ node: { name: '第一综合网格' } }], pageInfo: { hasNextPage: false } } } });
  });

  it('refuses misplaced grids, foreign branches and non-communities, writing nothing', async () => {
    const top = await createGrid({ name: '新城社区第二网格', level: 'COMMUNITY', communityId: tree.community });
    const otherTop = (await tester.models.Grid.create({
      name: '滨江社区网格',
      level: 'COMMUNITY',
      communityId: new Types.ObjectId(otherCommunity),
      organisationPath: [tree.district, tree.street, otherCommunity].map((id) => new Types.ObjectId(id)),
      parentId: null,
      ancestorIds: [],
      responsiblePersonId: null,
      partyBranchId: null,
      createdAt: new Date(),
    }))._id.toHexString();
    const before = await tester.models.Grid.countDocuments();
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ name: '微网格', level: 'MICRO', communityId: tree.community, parentId: top }, invalidInput(parentGridOfWrongLevel('MICRO', 'COMMUNITY'))],
      [{ name: '综合网格', level: 'GENERAL', communityId: tree.community }, invalidInput(gridWithoutParent('GENERAL'))],
      [{ name: '社区网格', level: 'COMMUNITY', communityId: tree.community, parentId: top }, invalidInput(parentGridOfWrongLevel('COMMUNITY', 'COMMUNITY'))],
      [{ name: '支部网格', level: 'BRANCH', communityId: tree.community, parentId: top }, invalidInput(parentGridOfOtherShape('BRANCH', ['COMMUNITY']))],
      [{ name: '街道网格', level: 'STREET', communityId: tree.community }, invalidInput(kindMismatch('communityId', 'STREET_COMMITTEE', 'COMMUNITY_PARTY_COMMITTEE'))],
      [{ name: '综合网格', level: 'GENERAL', communityId: tree.community, parentId: otherTop }, parentGridInAnotherCommunity()],
      [{ name: '社区网格', level: 'COMMUNITY', communityId: tree.street }, invalidInput(kindMismatch('communityId', 'COMMUNITY_PARTY_COMMITTEE', 'STREET_COMMITTEE'))],
      [{ name: '社区网格', level: 'COMMUNITY', communityId: tree.community, partyBranchId: tree.group }, invalidInput(kindMismatch('partyBranchId', 'PARTY_BRANCH', 'PARTY_GROUP'))],
      [{ name: '社区网格', level: 'COMMUNITY', communityId: tree.community, partyBranchId: otherBranch }, partyBranchOutsideCommunity()],
      [{ name: '', level: 'COMMUNITY', communityId: tree.community }, emptyText('name')],
    ];
    for (const [input, expected] of cases) {
      expectError(await tester.execute(CREATE, { input }, worker), expected);
    }
    expect(await tester.models.Grid.countDocuments()).toBe(before);
  });

  it("lets only staff covering the community create a grid", async () => {
    const before = await tester.models.Grid.countDocuments();
    const input = { name: '滨江社区网格二', level: 'COMMUNITY', communityId: otherCommunity };
    expectError(await tester.execute(CREATE, { input }, worker), createGridOutOfScope());
    expectError(await tester.execute(CREATE, { input }, ANONYMOUS), unauthenticated());
    expect(await tester.models.Grid.countDocuments()).toBe(before);
  });
});

describe('the four-level grid (street, community, branch, party group)', () => {
  it("places a community's grids under its street's grid, down to party-group grids, and keeps them to that shape", async () => {
    const streetAdmin = staff('STREET_ADMIN', [tree.street]);
    const create = async (input: Record<string, unknown>) => dataOf<{ createGrid: { id: string } }>(await tester.execute(CREATE, { input }, streetAdmin)).createGrid.id;
    const street = await create({ name: '江心洲街道网格', level: 'STREET', communityId: tree.street });
    const community = await create({ name: '新城社区四级网格', level: 'COMMUNITY', communityId: tree.community, parentId: street });
    const branch = await create({ name: '第一支部网格', level: 'BRANCH', communityId: tree.community, parentId: community, partyBranchId: tree.branch });
    const group = await create({ name: '第一党小组网格', level: 'PARTY_GROUP', communityId: tree.community, parentId: branch });

    const read = await tester.execute(`query($id: ID!) { grid(id: $id) { level community { name } ancestors { level community { name } } } }`, { id: group }, ANONYMOUS);
    expect(dataOf(read)).toEqual({
      grid: {
        level: 'PARTY_GROUP',
        community: { name: '新城社区党委' },
        ancestors: [
          { level: 'STREET', community: { name: '江心洲街道党工委' } },
          { level: 'COMMUNITY', community: { name: '新城社区党委' } },
          { level: 'BRANCH', community: { name: '新城社区党委' } },
        ],
      },
    });
    const before = await tester.models.Grid.countDocuments();
    const general = { name: '综合网格', level: 'GENERAL', communityId: tree.community, parentId: community };
    expectError(await tester.execute(CREATE, { input: general }, streetAdmin), invalidInput(parentGridOfOtherShape('GENERAL', ['STREET', 'COMMUNITY'])));
    expectError(await tester.execute(CREATE, { input: { name: '微网格', level: 'MICRO', communityId: tree.community, parentId: branch } }, streetAdmin), invalidInput(parentGridOfWrongLevel('MICRO', 'BRANCH')));
    expectError(await tester.execute(CREATE, { input: { name: '街道网格', level: 'STREET', communityId: tree.street, parentId: street } }, streetAdmin), invalidInput(topGridWithParent('STREET')));
    expect(await tester.models.Grid.countDocuments()).toBe(before);
  });
});

describe('the responsible person', () => {
  const ASSIGN = `mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id responsiblePerson { id } } }`;

  it('assigns a resident living in the grid, asking the graph once', async () => {
    const grid = await createGrid({ name: '新城社区第三网格', level: 'COMMUNITY', communityId: tree.community });
    const neighbour = residentOf(grid);
    const asked = graph.requests.length;
    const result = await tester.execute(ASSIGN, { g: grid, r: neighbour }, worker);
    expect(dataOf(result)).toEqual({ assignGridResponsible: { id: grid, responsiblePerson: { id: neighbour } } });
    expect(graph.requests.slice(asked).map((request) => request.variables)).toEqual([{ id: neighbour }]);
  });

  it('assigns a resident of a micro-grid below a general grid to the general grid', async () => {
    const top = await createGrid({ name: '新城社区第七网格', level: 'COMMUNITY', communityId: tree.community });
    const general = await createGrid({ name: '第七综合网格', level: 'GENERAL', communityId: tree.community, parentId: top });
    const micro = await createGrid({ name: '7栋微网格', level: 'MICRO', communityId: tree.community, parentId: general });
    const neighbour = residentOf(micro);
    expect(dataOf(await tester.execute(ASSIGN, { g: general, r: neighbour }, worker))).toEqual({ assignGridResponsible: { id: general, responsiblePerson: { id: neighbour } } });
  });

  it('refuses a resident of another micro-grid, or of no household, and leaves the grid as it was', async () => {
    const top = await createGrid({ name: '新城社区第八网格', level: 'COMMUNITY', communityId: tree.community });
    const general = await createGrid({ name: '第八综合网格', level: 'GENERAL', communityId: tree.community, parentId: top });
    const micro = await createGrid({ name: '8栋微网格', level: 'MICRO', communityId: tree.community, parentId: general });
    const nextDoor = await createGrid({ name: '9栋微网格', level: 'MICRO', communityId: tree.community, parentId: general });
    for (const outsider of [residentOf(nextDoor), knownResident]) {
      expectError(await tester.execute(ASSIGN, { g: micro, r: outsider }, worker), responsibleLivesElsewhere());
    }
    expect((await tester.models.Grid.findById(micro).lean())?.responsiblePersonId).toBe(null);
  });

  it("lets the community's staff name themself, wherever they live", async () => {
    const grid = await createGrid({ name: '新城社区第九网格', level: 'COMMUNITY', communityId: tree.community });
    const self = { ...worker, residentId: knownResident, subject: `resident:${knownResident}` };
    expect(dataOf(await tester.execute(ASSIGN, { g: grid, r: knownResident }, self))).toEqual({ assignGridResponsible: { id: grid, responsiblePerson: { id: knownResident } } });
  });

  it('refuses an unknown resident and leaves the grid as it was', async () => {
    const grid = await createGrid({ name: '新城社区第四网格', level: 'COMMUNITY', communityId: tree.community });
    const result = await tester.execute(ASSIGN, { g: grid, r: new Types.ObjectId().toHexString() }, worker);
    expectError(result, unknownId('residentId', 'resident'));
    expect((await tester.models.Grid.findById(grid).lean())?.responsiblePersonId).toBe(null);
  });

  it('refuses staff of another community', async () => {
    const grid = await createGrid({ name: '新城社区第五网格', level: 'COMMUNITY', communityId: tree.community });
    const outsider = staff('COMMUNITY_WORKER', [otherCommunity]);
    expectError(await tester.execute(ASSIGN, { g: grid, r: knownResident }, outsider), assignGridResponsibleOutOfScope());
  });
});

describe('_entities', () => {
  it('resolves Grid references in one query, with the level residents require', async () => {
    const grid = await createGrid({ name: '新城社区第六网格', level: 'COMMUNITY', communityId: tree.community });
    const general = await createGrid({ name: '第六综合网格', level: 'GENERAL', communityId: tree.community, parentId: grid });
    tester.commands.reset();
    const result = await tester.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { id level organisationPath } } }`, {
      r: [
        { __typename: 'Grid', id: grid },
        { __typename: 'Grid', id: general },
      ],
    });
    const path = [tree.district, tree.street, tree.community];
    expect(dataOf(result)).toEqual({ _entities: [{ id: grid, level: 'COMMUNITY', organisationPath: path }, { id: general, level: 'GENERAL', organisationPath: path }] });
    expect(tester.commands.entries()).toEqual([{ name: 'find', collection: 'grids' }]);
  });
});
