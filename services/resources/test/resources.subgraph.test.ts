import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@civic/identity';
import { emptyText, invalidInput, invalidTransition, ManualClock, notAnId, notWholeNumberInRange, textTooLong, unauthenticated, unknownId } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, commandsSince, dataOf, errorOf, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { CREATE_RESOURCE, createResource, inputs } from './support/resource-builder.ts';
import { notAClockTime, slotLengthNotOffered } from '../src/domain/opening-hours.ts';
import { fieldNotOfKind } from '../src/domain/resource-rules.ts';
import { stockOutOfRange } from '../src/domain/stock.ts';
import { changeUnmanagedResourceStatus, contactPhoneNotAPhoneNumber, createResourceOutOfScope, providerNotExactlyOne } from '../src/errors.ts';

const clock = new ManualClock(new Date('2030-03-01T08:00:00+08:00'));
const graph = new FakeGraph();
const tree = aTree(graph);
const worker = staff('COMMUNITY_WORKER', [tree.community]);
const streetAdmin = staff('STREET_ADMIN', [tree.street]);
let tester: SubgraphTester<Models>;

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
});

afterAll(async () => {
  await tester.close();
});

const RESOURCE = `query($id: ID!) { resource(id: $id) {
  id pool kind title description servedPath tags skills status createdAt
  provider { __typename ... on Organisation { id } ... on Resident { id } }
  servedOrganisation { id }
  availability { openingHours { weekday opens closes } slotMinutes stock }
  contact { name phone }
  fund { id } parking { places }
} }`;

describe('creating resources', () => {
  it('stores a venue with its opening hours, served path and provider', async () => {
    const id = await createResource(tester, worker, inputs.venue(tree.community, tree.community, { tags: [' 场地 ', '议事', '场地'], skills: ['投影'] }));
    expect(dataOf(await tester.execute(RESOURCE, { id }, worker))).toEqual({
      resource: {
        id,
        pool: 'ADMINISTRATIVE',
        kind: 'VENUE',
        title: '党群服务中心多功能活动室',
        description: '可容纳40人，配投影仪，适合议事会和培训。',
        servedPath: [tree.district, tree.street, tree.community],
        tags: ['场地', '议事'],
        skills: ['投影'],
        status: 'ACTIVE',
        createdAt: clock.now(),
        provider: { __typename: 'Organisation', id: tree.community },
        servedOrganisation: { id: tree.community },
        availability: {
          openingHours: [
            { weekday: 'MONDAY', opens: '08:30', closes: '11:30' },
            { weekday: 'MONDAY', opens: '14:00', closes: '17:30' },
          ],
          slotMinutes: 30,
          stock: null,
        },
        contact: { name: '陈主任', phone: '025-86451234' },
        fund: null,
        parking: null,
      },
    });
  });

  it('lets a resident provide a resource, and hides the contact person from anonymous callers', async () => {
    const provider = graph.resident();
    const id = await createResource(tester, worker, {
      ...inputs.venue(tree.community, tree.community),
      kind: 'EXPERT',
      pool: 'PUBLIC_WELFARE',
      title: '退休律师法律咨询',
      providerOrganisationId: null,
      providerResidentId: provider,
    });
    const read = await tester.execute(`query($id: ID!) { resource(id: $id) { provider { ... on Resident { id } } contact { name } } }`, { id }, ANONYMOUS);
    expect(read.data).toEqual({ resource: { provider: { id: provider }, contact: null } });
    expectError(read, unauthenticated());
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await tester.models.Resource.countDocuments();
    const attempt = async (input: Record<string, unknown>) => errorOf(await tester.execute(CREATE_RESOURCE, { input }, worker));
    const venue = (overrides: Record<string, unknown>) => inputs.venue(tree.community, tree.community, overrides);
    expect(await attempt(venue({ title: '  ' }))).toEqual(summaryOf(emptyText('title')));
    expect(await attempt(venue({ stock: 3 }))).toEqual(summaryOf(invalidInput(fieldNotOfKind('stock', 'VENUE'))));
    expect(await attempt(venue({ slotMinutes: 45 }))).toEqual(summaryOf(invalidInput(slotLengthNotOffered())));
    expect(await attempt(venue({ openingHours: [{ weekday: 'MONDAY', opens: '8点', closes: '11:30' }] }))).toEqual(summaryOf(invalidInput(notAClockTime(0, 'opens'))));
    expect(await attempt(venue({ contact: { name: '陈主任', phone: '12345678' } }))).toEqual(summaryOf(contactPhoneNotAPhoneNumber()));
    expect(await attempt(inputs.goods(tree.community, tree.community, -2))).toEqual(summaryOf(invalidInput(stockOutOfRange())));
    expect(await attempt(inputs.parking(tree.community, tree.community, 0))).toEqual(summaryOf(notWholeNumberInRange('parkingPlaces', 1, 1000)));
    expect(await attempt(venue({ servedOrganisationId: graph.resident() }))).toEqual(summaryOf(unknownId('servedOrganisationId', 'organisation')));
    expect(await attempt(venue({ providerResidentId: graph.resident() }))).toEqual(summaryOf(providerNotExactlyOne()));
    expect(await attempt(venue({ providerOrganisationId: null, providerResidentId: 'abc' }))).toEqual(summaryOf(notAnId('providerResidentId')));
    expect(await tester.models.Resource.countDocuments()).toBe(before);
  });

  it('lets only managers whose scope covers the served organisation create resources', async () => {
    const before = await tester.models.Resource.countDocuments();
    const input = inputs.venue(tree.community, tree.community);
    expectError(await tester.execute(CREATE_RESOURCE, { input }, ANONYMOUS), unauthenticated());
    for (const viewer of [staff('COMMUNITY_WORKER', [tree.otherCommunity]), staff('GRID_WORKER', [tree.community]), resident(graph.resident())]) {
      expectError(await tester.execute(CREATE_RESOURCE, { input }, viewer), createResourceOutOfScope());
    }
    expect(await tester.models.Resource.countDocuments()).toBe(before);
  });
});

describe('listing and status', () => {
  let streetCanteen: string;
  let communityRepair: string;
  let otherRepair: string;

  beforeAll(async () => {
    streetCanteen = await createResource(tester, streetAdmin, { ...inputs.goods(tree.street, tree.street, 30), title: '长者助餐券', tags: ['助老', '助餐'] });
    communityRepair = await createResource(tester, worker, { ...inputs.goods(tree.community, tree.propertyCompany, 5), pool: 'MARKET', title: '物业维修工具箱', tags: ['维修'] });
    otherRepair = await createResource(tester, staff('COMMUNITY_WORKER', [tree.otherCommunity]), { ...inputs.goods(tree.otherCommunity, tree.otherCommunity, 5), title: '邻里工具箱', tags: ['维修'] });
  });

  const LIST = `query($filter: ResourceFilter) { resources(filter: $filter, first: 100) { edges { node { id } } totalCount } }`;
  const idsOf = (result: Awaited<ReturnType<SubgraphTester<Models>['execute']>>) =>
    dataOf<{ resources: { edges: { node: { id: string } }[] } }>(result).resources.edges.map((edge) => edge.node.id);

  it('finds resources serving a subtree, by tag, pool and kind, in one query each', async () => {
    expect(idsOf(await tester.execute(LIST, { filter: { within: tree.otherCommunity } }))).toEqual([otherRepair]);
    expect(idsOf(await tester.execute(LIST, { filter: { within: tree.street, tag: '助餐' } }))).toEqual([streetCanteen]);
    expect(idsOf(await tester.execute(LIST, { filter: { within: tree.community, pool: 'MARKET', kind: 'GOODS' } }))).toEqual([communityRepair]);
    expectError(await tester.execute(LIST, { filter: { within: 'x' } }), notAnId('filter.within'));
  });

  it('finds by a tag as it is stored, and refuses one longer than a tag can be', async () => {
    expect(idsOf(await tester.execute(LIST, { filter: { within: tree.street, tag: ' 助餐 ' } }))).toEqual([streetCanteen]);
    expectError(await tester.execute(LIST, { filter: { tag: '助'.repeat(21) } }), textTooLong('filter.tag', 20));
    expectError(await tester.execute(LIST, { filter: { tag: '   ' } }), emptyText('filter.tag'));
  });

  it('suspends and reactivates a resource, never revives a retired one, and lists active ones by default', async () => {
    const SET = `mutation($id: ID!, $status: ResourceStatus!) { setResourceStatus(id: $id, status: $status) { id status } }`;
    expect(dataOf(await tester.execute(SET, { id: otherRepair, status: 'SUSPENDED' }, staff('COMMUNITY_WORKER', [tree.otherCommunity])))).toEqual({
      setResourceStatus: { id: otherRepair, status: 'SUSPENDED' },
    });
    expect(idsOf(await tester.execute(LIST, { filter: { within: tree.otherCommunity } }))).toEqual([]);
    expect(idsOf(await tester.execute(LIST, { filter: { within: tree.otherCommunity, status: 'SUSPENDED' } }))).toEqual([otherRepair]);
    expectError(await tester.execute(SET, { id: otherRepair, status: 'ACTIVE' }, worker), changeUnmanagedResourceStatus());
    expect(dataOf(await tester.execute(SET, { id: otherRepair, status: 'RETIRED' }, streetAdmin))).toEqual({ setResourceStatus: { id: otherRepair, status: 'RETIRED' } });
    expectError(await tester.execute(SET, { id: otherRepair, status: 'ACTIVE' }, streetAdmin), invalidTransition('Resource', 'RETIRED', 'become ACTIVE'));
  });

  it("adds an organisation's resources and funds, one query per field and one count for many organisations", async () => {
    const fund = await createResource(tester, worker, inputs.fund(tree.community, tree.propertyCompany));
    tester.commands.reset();
    const result = await tester.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id resources { edges { node { id } } totalCount } funds { edges { node { id balanceFen } } } } } }`,
      { r: [tree.propertyCompany, tree.otherCommunity].map((id) => ({ __typename: 'Organisation', id })) },
      worker,
    );
    expect(dataOf(result)).toEqual({
      _entities: [
        { id: tree.propertyCompany, resources: { edges: [{ node: { id: fund } }, { node: { id: communityRepair } }], totalCount: 2 }, funds: { edges: [{ node: { id: fund, balanceFen: 0 } }] } },
        { id: tree.otherCommunity, resources: { edges: [{ node: { id: otherRepair } }], totalCount: 1 }, funds: { edges: [] } },
      ],
    });
    expect(commandsSince(tester.commands)).toEqual([
      { name: 'aggregate', collection: 'resources' },
      { name: 'aggregate', collection: 'resources' },
      { name: 'aggregate', collection: 'resources' },
    ]);
  });

  it('matches wishes to active resources up their path, nearest level first, in one query for all wishes', async () => {
    const communityCare = await createResource(tester, worker, { ...inputs.goods(tree.community, tree.community, 2), title: '爱心助浴', tags: ['助老'] });
    const path = [tree.district, tree.street, tree.community];
    const wishes = [
      { __typename: 'Wish', id: graph.wish(), tags: ['助老'], organisationPath: path },
      { __typename: 'Wish', id: graph.wish(), tags: ['维修', '助老'], organisationPath: path },
      { __typename: 'Wish', id: graph.wish(), tags: ['维修'], organisationPath: [tree.district, tree.street, tree.otherCommunity] },
    ];
    tester.commands.reset();
    const result = await tester.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Wish { id matchingResources { id } } } }`, { r: wishes });
    expect(dataOf(result)).toEqual({
      _entities: [
        { id: wishes[0]!.id, matchingResources: [{ id: communityCare }, { id: streetCanteen }] },
        { id: wishes[1]!.id, matchingResources: [{ id: communityCare }, { id: communityRepair }, { id: streetCanteen }] },
        // The other community's toolbox is retired.
        { id: wishes[2]!.id, matchingResources: [] },
      ],
    });
    expect(commandsSince(tester.commands)).toEqual([{ name: 'find', collection: 'resources' }]);
  });
});
