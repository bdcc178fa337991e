import { afterAll, beforeAll, expect, it } from 'vitest';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { aWorld, startStack, type Stack, type World, commandCounts } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import { aResourceThroughGraph, asUser } from './support/graph-builders.ts';
import { graphql } from '../src/generated/graph/gql.ts';
import type { CreateResourceInput } from '../src/generated/graph/graphql.ts';

// Through the gateway with the wishes subgraph: residents' wishes list the resources that fit
// them, nearest level first, and the bookings made for them; and the whole page costs one
// database command per entity type per level, however many wishes it holds.
let stack: Stack;
let world: World;
let elder: { id: string; token: string };
let wheelchairs: string;
const WISHES = 5;

const SUBMIT_WISH = graphql(`mutation ResourcesTestSubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { id } }`);
const MY_WISHES = graphql(`query ResourcesTestMyWishes { myWishes(first: 1) { edges { node { id } } } }`);
const BOOK = graphql(`mutation ResourcesTestBook($input: BookResourceInput!) { bookResource(input: $input) { id } }`);

function goods(title: string, servedOrganisationId: string, tags: string[]): CreateResourceInput {
  return { pool: 'PUBLIC_WELFARE', kind: 'GOODS', title, description: '社区公益物资，免费借用。', providerOrganisationId: servedOrganisationId, servedOrganisationId, tags, stock: 3 };
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph] });
  world = await aWorld(stack);
  const grid = await world.aMicroGrid();
  const elderId = await world.aResident(await world.aHousehold(grid), { name: '赵德明' });
  elder = { id: elderId, token: await stack.token({ roles: ['RESIDENT'], residentId: elderId }) };
  await aResourceThroughGraph(world, goods('长者助餐券', world.streetId, ['助老', '助餐']));
  wheelchairs = await aResourceThroughGraph(world, goods('爱心轮椅', world.communityId, ['助老', '助残']));
  await aResourceThroughGraph(world, goods('法律援助手册', world.communityId, ['法律']));
  for (let n = 0; n < WISHES; n++) {
    await asUser(stack, elder.token, SUBMIT_WISH, {
      input: {
        kind: 'WISH',
        category: 'PUBLIC_WELFARE',
        title: `想借轮椅去医院复诊（第${n + 1}次）`,
        description: '腿脚不便，每月要去医院复诊一次，希望借一辆轮椅。',
        tags: ['助老'],
        channel: 'APP',
        communityId: world.communityId,
        gridId: grid,
      },
    });
  }
}, 180_000);

afterAll(() => stack.stop());


it("matches each wish to the community's and the street's resources, books for one, and lists that booking", async () => {
  const wishes = await asUser(stack, elder.token, MY_WISHES, {});
  const wishId = wishes.myWishes.edges[0]!.node.id;
  const booked = await asUser(stack, elder.token, BOOK, {
    input: { resourceId: wheelchairs, quantity: 1, wishId, note: '复诊用' },
  });
  const read = await stack.query(
    `query($id: ID!){ wish(id: $id) { title matchingResources { title servedOrganisation { name } availability { stock } } bookings { totalCount edges { node { id note booker { ... on Resident { name } } } } } } }`,
    { id: wishId },
    { token: elder.token },
  );
  expect(read.errors).toEqual([]);
  expect(read.data).toEqual({
    wish: {
      title: `想借轮椅去医院复诊（第${WISHES}次）`,
      matchingResources: [
        { title: '爱心轮椅', servedOrganisation: { name: '新城社区党委' }, availability: { stock: 2 } },
        { title: '长者助餐券', servedOrganisation: { name: '江心洲街道党工委' }, availability: { stock: 3 } },
      ],
      bookings: { totalCount: 1, edges: [{ node: { id: booked.bookResource.id, note: '复诊用', booker: { name: '赵德明' } } }] },
    },
  });
});

it('reads a page of wishes with their matches and bookings in one resources command per type', async () => {
  stack.resetCommands();
  const response = await stack.query<{ myWishes: { edges: { node: { matchingResources: { title: string }[]; bookings: { totalCount: number; edges: unknown[] } } }[] } }>(
    '{ myWishes(first: 20) { edges { node { title matchingResources { title servedOrganisation { name } } bookings { totalCount edges { node { id } } } } } } }',
    {},
    { token: elder.token },
  );
  expect(response.errors).toEqual([]);
  const nodes = response.data!.myWishes.edges.map((edge) => edge.node);
  expect(nodes.map((node) => node.matchingResources.map((match) => match.title))).toEqual(Array.from({ length: WISHES }, () => ['爱心轮椅', '长者助餐券']));
  expect(nodes.map((node) => [node.bookings.edges.length, node.bookings.totalCount])).toEqual([[1, 1], [0, 0], [0, 0], [0, 0], [0, 0]]);

  const commands = stack.commands();
  console.log(`database commands for ${WISHES} wishes with matching resources and bookings: ${JSON.stringify(commands)}`);
  // Every wish's page of bookings in one aggregate, and all their counts in one more.
  expect(commandCounts(commands.resources!)).toEqual({ 'find resources': 1, 'aggregate bookings': 2 });
  expect(commandCounts(commands.organisations!)).toEqual({ 'find organisations': 1 });
});
