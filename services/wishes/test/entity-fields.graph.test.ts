import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock, notACursor, notWholeNumberInRange } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World, commandCounts, expectError } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, PUBLISH, WishWorld } from './support/wish-world.ts';

// The fields wishes adds to Resident, Organisation and Grid: exact pages, and batched.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-05-11T01:00:00.000Z'));
const TITLES = ['帮忙更换灯泡', '陪同去医院复诊', '教我用智能手机挂号', '帮忙修理漏水的水龙头', '想借一台轮椅'];
let stack: Stack;
let world: World;
let wishes: WishWorld;
let workerToken: string;
let grids: string[];
let requesters: { id: string; token: string }[];
let volunteer: { id: string; token: string };

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  grids = [];
  requesters = [];
  for (let n = 0; n < 5; n++) {
    const gridId = await world.aMicroGrid();
    const id = await world.aResident(await world.aHousehold(gridId));
    grids.push(gridId);
    requesters.push({ id, token: await wishes.residentToken(id) });
  }
  volunteer = await wishes.aVolunteer(grids[0]!, '李志强');
  // One published wish in each grid, oldest first; then a second one in the first grid, and a request in the third.
  for (let n = 0; n < 5; n++) await submitAndPublish(n, TITLES[n]!);
  await submitAndPublish(0, '帮忙代缴水电费');
  await submitAndPublish(2, '独居老人需要定期探访', { kind: 'HELP', category: 'PUBLIC_WELFARE' });
  clock.advance(25 * HOUR);
  await wishes.must(CLAIM, { id: idOf(TITLES[0]!) }, volunteer.token);
  await wishes.must(CLAIM, { id: idOf(TITLES[1]!), org: world.branchId }, await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]));
}, 120_000);

afterAll(() => stack.stop());

const ids = new Map<string, string>();
const idOf = (title: string) => ids.get(title)!;

async function submitAndPublish(n: number, title: string, fields: { kind?: string; category?: string } = {}) {
  clock.advance(60_000);
  const wish = await wishes.submit({ communityId: world.communityId, gridId: grids[n]!, title, ...fields }, requesters[n]!.token);
  await wishes.must(PUBLISH, { id: wish.id }, workerToken);
  ids.set(title, wish.id);
}

interface Page<T = { title: string }> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}
const PAGE = 'edges { cursor node { title } } pageInfo { hasNextPage endCursor } totalCount';
const titles = (page: Page | null) => page?.edges.map(({ node }) => node.title) ?? null;

it('pages open wishes of each grid, in one wishes command for five grids and one for their counts', async () => {
  stack.resetCommands();
  const response = await stack.query<{ grids: { edges: { node: { id: string; openWishes: Page } }[] } }>(
    `query($c: ID!){ grids(filter: { communityId: $c, level: MICRO }) { edges { node { id openWishes { ${PAGE} } } } } }`,
    { c: world.communityId },
    { token: workerToken },
  );
  const byGrid = Object.fromEntries(response.data!.grids.edges.map(({ node }) => [node.id, [titles(node.openWishes), node.openWishes.totalCount]]));
  // Claimed wishes and routed requests are not open.
  expect(byGrid).toEqual({
    [grids[0]!]: [['帮忙代缴水电费'], 1],
    [grids[1]!]: [[], 0],
    [grids[2]!]: [[TITLES[2]], 1],
    [grids[3]!]: [[TITLES[3]], 1],
    [grids[4]!]: [[TITLES[4]], 1],
  });
  expect(commandCounts(stack.commands().wishes!)).toEqual({ 'aggregate wishes': 2 });
});

it("lists a resident's own wishes to the resident and staff only, and the wishes a resident claimed", async () => {
  const query = 'query($id: ID!){ resident(id: $id) { wishes { totalCount edges { node { title status } } } claimedWishes { totalCount edges { node { title } } } } }';
  const own = {
    resident: {
      wishes: { totalCount: 2, edges: [{ node: { title: '帮忙代缴水电费', status: 'PUBLISHED' } }, { node: { title: TITLES[0], status: 'CLAIMED' } }] },
      claimedWishes: { totalCount: 0, edges: [] },
    },
  };
  expect((await stack.query(query, { id: requesters[0]!.id }, { token: requesters[0]!.token })).data).toEqual(own);
  expect((await stack.query(query, { id: requesters[0]!.id }, { token: workerToken })).data).toEqual(own);
  expect((await stack.query(query, { id: volunteer.id }, { token: volunteer.token })).data).toEqual({
    resident: { wishes: { totalCount: 0, edges: [] }, claimedWishes: { totalCount: 1, edges: [{ node: { title: TITLES[0] } }] } },
  });
});

it("pages a resident's wishes newest first with a cursor, to the end", async () => {
  const query = `query($id: ID!, $after: String){ resident(id: $id) { wishes(first: 1, after: $after) { ${PAGE} } } }`;
  const read = async (after: string | null) =>
    (await stack.query<{ resident: { wishes: Page } }>(query, { id: requesters[2]!.id, after }, { token: workerToken })).data!.resident.wishes;
  const first = await read(null);
  expect([titles(first), first.pageInfo.hasNextPage, first.totalCount]).toEqual([['独居老人需要定期探访'], true, 2]);
  expect(first.pageInfo.endCursor).toBe(first.edges[0]!.cursor);
  const second = await read(first.pageInfo.endCursor);
  expect([titles(second), second.pageInfo.hasNextPage, second.totalCount]).toEqual([[TITLES[2]], false, 2]);
  const beyond = await read(second.pageInfo.endCursor);
  expect([titles(beyond), beyond.pageInfo, beyond.totalCount]).toEqual([[], { hasNextPage: false, endCursor: null }, 2]);
});

it('refuses a page larger than 100 and a cursor this listing did not make, naming the argument', async () => {
  const query = 'query($id: ID!, $first: Int, $after: String){ organisation(id: $id) { claimedWishes(first: $first, after: $after) { totalCount } } }';
  expectError(await stack.query(query, { id: world.branchId, first: 101 }), notWholeNumberInRange('first', 0, 100));
  expectError(await stack.query(query, { id: world.branchId, after: 'bm90IGEgY3Vyc29y' }), notACursor());
});

it('lists the requests an organisation handles to its staff, and the wishes it claimed to anyone', async () => {
  const query = 'query($id: ID!){ organisation(id: $id) { handledWishes { totalCount edges { node { title } } } claimedWishes { totalCount edges { node { title } } } } }';
  const none = { totalCount: 0, edges: [] };
  // No social organisation or volunteer team in the community: the community handles public welfare.
  expect((await stack.query(query, { id: world.communityId }, { token: workerToken })).data).toEqual({
    organisation: { handledWishes: { totalCount: 1, edges: [{ node: { title: '独居老人需要定期探访' } }] }, claimedWishes: none },
  });
  // Whom a request is handled by is not a resident's to read: neither the page nor its count shows it.
  expect((await stack.query(query, { id: world.communityId }, { token: requesters[4]!.token })).data).toEqual({ organisation: { handledWishes: none, claimedWishes: none } });
  expect((await stack.query(query, { id: world.branchId })).data).toEqual({
    organisation: { handledWishes: none, claimedWishes: { totalCount: 1, edges: [{ node: { title: TITLES[1] } }] } },
  });
});

it("reads five residents' wishes and claims in one wishes command per field", async () => {
  stack.resetCommands();
  const response = await stack.query<{ residents: { edges: { node: { id: string; wishes: Page; claimedWishes: Page } }[] } }>(
    'query($c: ID!){ residents(filter: { communityId: $c }, first: 50) { edges { node { id wishes { edges { node { title } } } claimedWishes { edges { node { title } } } } } } }',
    { c: world.communityId },
    { token: workerToken },
  );
  const byResident = Object.fromEntries(response.data!.residents.edges.map(({ node }) => [node.id, [titles(node.wishes), titles(node.claimedWishes)]]));
  expect(byResident).toEqual({
    [requesters[0]!.id]: [['帮忙代缴水电费', TITLES[0]], []],
    [requesters[1]!.id]: [[TITLES[1]], []],
    [requesters[2]!.id]: [['独居老人需要定期探访', TITLES[2]], []],
    [requesters[3]!.id]: [[TITLES[3]], []],
    [requesters[4]!.id]: [[TITLES[4]], []],
    [volunteer.id]: [[], [TITLES[0]]],
  });
  expect(commandCounts(stack.commands().wishes!)).toEqual({ 'aggregate wishes': 2 });
});
