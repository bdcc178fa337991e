import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { emptyText, latitudeOutOfRange, longitudeOutOfRange, notWholeNumberInRange } from '@civic/service-kit';
import { aWorld, expectError, startStack, type Stack, type World } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import { aResourceThroughGraph } from './support/graph-builders.ts';
import { graphql } from '../src/generated/graph/gql.ts';
import type { CreateResourceInput, ResourceFilter } from '../src/generated/graph/graphql.ts';

// A resident looks for venues and shared assets near home. Places lie due north or south of the
// point, so each distance is the latitude difference on MongoDB's sphere (6,378,100 m): 0.001° is
// 111.32 m.
const HERE = { longitude: 118.7118, latitude: 32.0126 };

let stack: Stack;
let world: World;
let residentToken: string;
const ids: Record<string, string> = {};

const NEAR = graphql(`query ResourcesTestNear($filter: ResourceFilter, $first: Int, $after: String) {
  resources(filter: $filter, first: $first, after: $after) {
    edges { cursor distanceMetres node { id title place { address location { longitude latitude } } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`);
const CREATE = graphql(`mutation ResourcesTestCreatePlaced($input: CreateResourceInput!) { createResource(input: $input) { id } }`);
const UPDATE_PLACE = graphql(`mutation ResourcesTestUpdatePlace($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) { id place { address } } }`);

function placed(title: string, kind: 'VENUE' | 'GOODS', latitudeOffset: number | null): CreateResourceInput {
  const place = latitudeOffset === null ? null : { address: `新城社区${title}`, location: { longitude: HERE.longitude, latitude: HERE.latitude + latitudeOffset } };
  const availability =
    kind === 'VENUE' ? { openingHours: [{ weekday: 'SATURDAY' as const, opens: '09:00', closes: '11:00' }], slotMinutes: 30 } : { stock: 2 };
  return { pool: 'ADMINISTRATIVE', kind, title, description: '社区共享，预约使用。', providerOrganisationId: world.communityId, servedOrganisationId: world.communityId, tags: ['共享'], place, ...availability };
}

async function near(filter: ResourceFilter, first?: number, after?: string | null) {
  const response = await stack.query<{ resources: { edges: { cursor: string; distanceMetres: number | null; node: { id: string; title: string; place: { address: string } | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } }>(
    print(NEAR),
    { filter, first, after },
    { token: residentToken },
  );
  expect(response.errors).toEqual([]);
  return response.data!.resources;
}

const titlesAndDistances = (page: Awaited<ReturnType<typeof near>>) => page.edges.map((edge) => [edge.node.title, edge.distanceMetres]);

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph] });
  world = await aWorld(stack);
  residentToken = await stack.token({ roles: ['RESIDENT'] });
  ids['活动室'] = await aResourceThroughGraph(world, placed('活动室', 'VENUE', 0.001));
  ids['共享工具箱'] = await aResourceThroughGraph(world, placed('共享工具箱', 'GOODS', -0.004));
  ids['会议室'] = await aResourceThroughGraph(world, placed('会议室', 'VENUE', 0.008));
  ids['远处礼堂'] = await aResourceThroughGraph(world, placed('远处礼堂', 'VENUE', 0.0095));
  ids['爱心轮椅'] = await aResourceThroughGraph(world, placed('爱心轮椅', 'GOODS', null));
}, 180_000);

afterAll(() => stack.stop());

describe('resources near me', () => {
  it('lists placed resources within the radius nearest first, with whole metres; those beyond it or without a place are left out', async () => {
    const page = await near({ near: { point: HERE, radiusMetres: 1000 } });
    expect(titlesAndDistances(page)).toEqual([
      ['活动室', 111],
      ['共享工具箱', 445],
      ['会议室', 891],
    ]);
    expect(page.edges[0]!.node.place).toEqual({ address: '新城社区活动室', location: { longitude: 118.7118, latitude: 32.0136 } });
    expect(page.totalCount).toBe(3);
  });

  it('pages by distance and combines the radius with the other filters', async () => {
    const first = await near({ near: { point: HERE, radiusMetres: 2000 } }, 2);
    const second = await near({ near: { point: HERE, radiusMetres: 2000 } }, 2, first.pageInfo.endCursor);
    expect([...titlesAndDistances(first), ...titlesAndDistances(second)]).toEqual([
      ['活动室', 111],
      ['共享工具箱', 445],
      ['会议室', 891],
      ['远处礼堂', 1058],
    ]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, second.totalCount]).toEqual([true, false, 4]);
    expect(titlesAndDistances(await near({ near: { point: HERE, radiusMetres: 1000 }, kind: 'VENUE' }))).toEqual([
      ['活动室', 111],
      ['会议室', 891],
    ]);
  });

  it('moves a resource by editing its place, and takes it out of the search when the place is removed', async () => {
    const moved = { address: '新城社区北门', location: { longitude: HERE.longitude, latitude: HERE.latitude + 0.002 } };
    expect((await world.mutate(UPDATE_PLACE, { id: ids['会议室']!, input: { place: moved } })).updateResource.place).toEqual({ address: '新城社区北门' });
    expect((await world.mutate(UPDATE_PLACE, { id: ids['共享工具箱']!, input: { place: null } })).updateResource.place).toBeNull();
    expect(titlesAndDistances(await near({ near: { point: HERE, radiusMetres: 1000 } }))).toEqual([
      ['活动室', 111],
      ['会议室', 223],
    ]);
  });

  it('refuses a bad radius, point or place, naming the field, and writes nothing', async () => {
    const listing = [
      [{ near: { point: HERE, radiusMetres: 0 } }, notWholeNumberInRange('filter.near.radiusMetres', 1, 50_000)],
      [{ near: { point: HERE, radiusMetres: 50_001 } }, notWholeNumberInRange('filter.near.radiusMetres', 1, 50_000)],
      [{ near: { point: { longitude: 118.7, latitude: -91 }, radiusMetres: 100 } }, latitudeOutOfRange('filter.near.point')],
    ] as const;
    for (const [filter, expected] of listing) expectError(await stack.query(print(NEAR), { filter }, { token: residentToken }), expected);

    const badPlace = { ...placed('新场地', 'VENUE', 0), place: { address: '新城社区', location: { longitude: 181, latitude: 32 } } };
    expectError(await stack.query(print(CREATE), { input: badPlace }, { token: world.adminToken }), longitudeOutOfRange('place.location'));
    const blankAddress = { place: { address: ' ', location: HERE } };
    expectError(await stack.query(print(UPDATE_PLACE), { id: ids['活动室'], input: blankAddress }, { token: world.adminToken }), emptyText('place.address'));
    const everything = await near({ near: { point: HERE, radiusMetres: 50_000 } });
    expect(titlesAndDistances(everything)).toEqual([
      ['活动室', 111],
      ['会议室', 223],
      ['远处礼堂', 1058],
    ]);
  });
});
