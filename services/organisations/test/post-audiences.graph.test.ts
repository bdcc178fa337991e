import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, emptyText, invalidInput, unauthenticated, unknownId } from '@civic/service-kit';
import { aWorld, expectError, loadLocalSubgraphs, startStack, type Stack, type World } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { gridOutsidePublisher, twoAudiences } from '../src/domain/post-rules.ts';
import { publishPostOutOfScope, readFeedOutsideAudiences } from '../src/errors.ts';

// Audiences on the micro-platform (微平台), through the gateway: who reads a non-public post, by id,
// in the listing and in myFeed. Residents live in community A (新城, micro-grids 1 and 2) or B (滨江).
const clock = new ManualClock(new Date('2030-09-01T01:00:00.000Z'));
let stack: Stack;
let world: World;
let models: Models;
let communityB: string;
let grid1: string;
let gridB: string;
const tokens: Record<'inGrid1' | 'inGrid2' | 'inB' | 'workerA' | 'workerB' | 'unitMemberB' | 'analyst' | 'service', string> = {} as never;
const posts: Record<string, string> = {};

const PUBLISH = `mutation($input: PublishPostInput!) { publishPost(input: $input) { id title audience { id } audienceGrid { id } } }`;
const POST = `query($id: ID!) { post(id: $id) { title } }`;
const POSTS = `query($filter: PostFilter, $first: Int, $after: String) {
  posts(filter: $filter, first: $first, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } }
}`;
const FEED = `query($first: Int, $after: String, $kind: PostKind) {
  myFeed(first: $first, after: $after, kind: $kind) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  totalCount: number;
  edges: { node: { title: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function publish(input: Record<string, unknown>, token = world.adminToken) {
  clock.advance(60_000);
  return stack.query<{ publishPost: { id: string; title: string; audience: { id: string }; audienceGrid: { id: string } | null } }>(PUBLISH, { input }, { token });
}

/** Publishes as the district admin and remembers the post's id by its title. */
async function aPost(title: string, audience: { publisherId: string; audienceId?: string; audienceGridId?: string }, isPublic = false, kind = 'NOTICE') {
  const response = await publish({ ...audience, kind, title, body: `${title}：详见社区公告栏。`, public: isPublic });
  expect(response.errors).toEqual([]);
  posts[title] = response.data!.publishPost.id;
}

async function page(query: string, variables: Record<string, unknown>, token: string): Promise<Page> {
  const response = await stack.query<Record<string, Page>>(query, variables, { token });
  expect(response.errors).toEqual([]);
  return Object.values(response.data!)[0]!;
}

const titlesOf = (listed: Page) => listed.edges.map((edge) => edge.node.title);

async function readById(title: string, token?: string): Promise<string | null> {
  const response = await stack.query<{ post: { title: string } | null }>(POST, { id: posts[title] }, { token });
  expect(response.errors).toEqual([]);
  return response.data!.post?.title ?? null;
}

async function aResidentIn(gridId: string): Promise<string> {
  const residentId = await world.aResident(await world.aHousehold(gridId));
  return stack.token({ roles: ['RESIDENT'], residentId });
}

beforeAll(async () => {
  // residents: where a resident lives decides the posts aimed at them.
  const residentsService = (await loadLocalSubgraphs()).filter((subgraph) => subgraph.name === 'residents');
  stack = await startStack({ subgraphs: [organisationsSubgraph, ...residentsService], clock });
  world = await aWorld(stack);
  models = stack.subgraph('organisations').models as unknown as Models;
  const created = (await world.mutate<{ createOrganisation: { id: string } }>(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    { input: { name: '滨江社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId } },
  )).createOrganisation;
  communityB = created.id;
  const unitB = (await world.mutate<{ createOrganisation: { id: string } }>(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    { input: { name: '滨江供电所', kind: 'CO_BUILDING_UNIT', parentId: communityB } },
  )).createOrganisation.id;
  gridB = (await world.mutate<{ createGrid: { id: string } }>(`mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }`, {
    input: { name: '滨江社区网格', level: 'COMMUNITY', communityId: communityB },
  })).createGrid.id;
  grid1 = await world.aMicroGrid();
  const grid2 = await world.aMicroGrid();
  tokens.inGrid1 = await aResidentIn(grid1);
  tokens.inGrid2 = await aResidentIn(grid2);
  tokens.inB = await aResidentIn(gridB);
  tokens.workerA = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  tokens.workerB = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [communityB] });
  tokens.unitMemberB = await stack.token({ roles: ['VOLUNTEER'], scope: [unitB] });
  tokens.analyst = await stack.token({ roles: ['ANALYST'] });
  tokens.service = await stack.token({ roles: ['SERVICE'], subject: 'service:wishes' });

  // Oldest first: one post for each level above the resident of micro-grid 1, one for the branch
  // below their community, one for micro-grid 1, and community B's, one of them public.
  await aPost('区委：文明城市创建倡议', { publisherId: world.districtId });
  await aPost('街道：老旧小区改造意见征集', { publisherId: world.streetId });
  await aPost('新城社区：电梯加装协调会', { publisherId: world.communityId }, false, 'VOLUNTEER_CALL');
  await aPost('第一党支部：主题党日', { publisherId: world.communityId, audienceId: world.branchId });
  await aPost('第1微网格：楼道清理', { publisherId: world.communityId, audienceGridId: grid1 }, false, 'VOLUNTEER_CALL');
  await aPost('滨江社区：停车位分配方案', { publisherId: world.streetId, audienceId: communityB });
  await aPost('滨江社区：停水通知', { publisherId: world.streetId, audienceId: communityB }, true);
  await aPost('街道：防汛公告', { publisherId: world.streetId }, true);
});

afterAll(async () => {
  await stack.stop();
});

describe('a non-public post is for its audience', () => {
  it('is null by id for a resident of another community, as for an unknown id', async () => {
    expect(await readById('新城社区：电梯加装协调会', tokens.inB)).toBeNull();
    expect(await readById('新城社区：电梯加装协调会', tokens.inGrid1)).toBe('新城社区：电梯加装协调会');
    expect(await readById('滨江社区：停车位分配方案', tokens.inGrid1)).toBeNull();
    expect(await readById('滨江社区：停车位分配方案', tokens.inB)).toBe('滨江社区：停车位分配方案');
    expect(await readById('滨江社区：停水通知', tokens.inGrid1)).toBe('滨江社区：停水通知');
  });

  it('leaves the district listing to a resident of another community, with its count', async () => {
    const listed = await page(POSTS, { filter: { audienceWithin: world.districtId } }, tokens.inB);
    expect(titlesOf(listed)).toEqual(['街道：防汛公告', '滨江社区：停水通知', '滨江社区：停车位分配方案', '街道：老旧小区改造意见征集', '区委：文明城市创建倡议']);
    expect(listed.totalCount).toBe(5);
  });

  it('pages the filtered listing in the database: cursors and counts over readable posts only', async () => {
    const first = await page(POSTS, { filter: { audienceWithin: world.districtId }, first: 2 }, tokens.inB);
    expect([titlesOf(first), first.totalCount, first.pageInfo.hasNextPage]).toEqual([['街道：防汛公告', '滨江社区：停水通知'], 5, true]);
    const second = await page(POSTS, { filter: { audienceWithin: world.districtId }, first: 2, after: first.pageInfo.endCursor }, tokens.inB);
    expect([titlesOf(second), second.pageInfo.hasNextPage]).toEqual([['滨江社区：停车位分配方案', '街道：老旧小区改造意见征集'], true]);
    const third = await page(POSTS, { filter: { audienceWithin: world.districtId }, first: 2, after: second.pageInfo.endCursor }, tokens.inB);
    expect([titlesOf(third), third.pageInfo.hasNextPage]).toEqual([['区委：文明城市创建倡议'], false]);
  });

  it("reaches a grid's residents only, and staff over it", async () => {
    expect(await readById('第1微网格：楼道清理', tokens.inGrid1)).toBe('第1微网格：楼道清理');
    expect(await readById('第1微网格：楼道清理', tokens.inGrid2)).toBeNull();
    expect(await readById('第1微网格：楼道清理', tokens.inB)).toBeNull();
    expect(await readById('第1微网格：楼道清理', tokens.workerA)).toBe('第1微网格：楼道清理');
    expect(await readById('第1微网格：楼道清理', tokens.workerB)).toBeNull();
  });

  it('lets staff list their scope, whoever acts for a unit read what reaches it, analysts and anonymous callers public posts only', async () => {
    const workerA = await page(POSTS, { filter: { audienceWithin: world.communityId } }, tokens.workerA);
    expect([titlesOf(workerA), workerA.totalCount]).toEqual([['第1微网格：楼道清理', '第一党支部：主题党日', '新城社区：电梯加装协调会'], 3]);
    expect(await readById('滨江社区：停车位分配方案', tokens.unitMemberB)).toBe('滨江社区：停车位分配方案');
    expect(await readById('新城社区：电梯加装协调会', tokens.unitMemberB)).toBeNull();
    for (const token of [tokens.analyst, undefined]) {
      expect(titlesOf(await page(POSTS, {}, token!))).toEqual(['街道：防汛公告', '滨江社区：停水通知']);
      expect(await readById('区委：文明城市创建倡议', token)).toBeNull();
    }
    expect((await page(POSTS, {}, tokens.service)).totalCount).toBe(8);
  });
});

describe('myFeed', () => {
  const FEED_OF_GRID_1 = ['街道：防汛公告', '第1微网格：楼道清理', '新城社区：电梯加装协调会', '街道：老旧小区改造意见征集', '区委：文明城市创建倡议'];

  it('gives a resident the posts of every level above them in one list, newest first', async () => {
    const feed = await page(FEED, {}, tokens.inGrid1);
    expect([titlesOf(feed), feed.totalCount, feed.pageInfo.hasNextPage]).toEqual([FEED_OF_GRID_1, 5, false]);
    expect(titlesOf(await page(FEED, {}, tokens.inGrid2))).toEqual(['街道：防汛公告', '新城社区：电梯加装协调会', '街道：老旧小区改造意见征集', '区委：文明城市创建倡议']);
    expect(titlesOf(await page(FEED, {}, tokens.inB))).toEqual(['街道：防汛公告', '滨江社区：停水通知', '滨江社区：停车位分配方案', '街道：老旧小区改造意见征集', '区委：文明城市创建倡议']);
  });

  it('pages across pages with cursors and narrows by kind', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 3; round++) {
      const feed = await page(FEED, { first: 2, after }, tokens.inGrid1);
      expect(feed.totalCount).toBe(5);
      expect(feed.pageInfo.hasNextPage).toBe(round < 2);
      seen.push(...titlesOf(feed));
      after = feed.pageInfo.endCursor;
    }
    expect(seen).toEqual(FEED_OF_GRID_1);
    const calls = await page(FEED, { kind: 'VOLUNTEER_CALL' }, tokens.inGrid1);
    expect([titlesOf(calls), calls.totalCount]).toEqual([['第1微网格：楼道清理', '新城社区：电梯加装协调会'], 2]);
  });

  it('reads posts with one query for the page and one count, whatever the levels', async () => {
    stack.resetCommands();
    await page(FEED, { first: 2 }, tokens.inGrid1);
    const onPosts = (stack.commands().organisations ?? []).filter((command) => command.collection === 'posts').map((command) => command.name);
    expect(onPosts).toEqual(['find', 'aggregate']);
  });

  it("gives staff the posts aimed at their scope's organisations and above", async () => {
    expect(titlesOf(await page(FEED, {}, tokens.workerA))).toEqual(['街道：防汛公告', '新城社区：电梯加装协调会', '街道：老旧小区改造意见征集', '区委：文明城市创建倡议']);
  });

  it('is refused to analysts and services, and to anonymous callers', async () => {
    for (const token of [tokens.analyst, tokens.service]) expectError(await stack.query(FEED, {}, { token }), readFeedOutsideAudiences());
    expectError(await stack.query(FEED, {}), unauthenticated());
  });
});

describe('publishing to an audience', () => {
  it("publishes to a grid of the publisher's subtree", async () => {
    const response = await publish({ publisherId: world.streetId, audienceGridId: gridB, kind: 'NEWS', title: '滨江网格：议事会', body: '周六议事', public: false });
    expect(response.errors).toEqual([]);
    expect(response.data!.publishPost).toEqual({ id: response.data!.publishPost.id, title: '滨江网格：议事会', audience: { id: communityB }, audienceGrid: { id: gridB } });
  });

  it('refuses a grid of another community, two audiences, an unknown grid, an empty title and outsiders, writing nothing', async () => {
    const before = await models.Post.countDocuments();
    const base = { publisherId: world.communityId, kind: 'NEWS', title: '社区新闻', body: '正文', public: false };
    expectError(await publish({ ...base, audienceGridId: gridB }), invalidInput(gridOutsidePublisher()));
    expectError(await publish({ ...base, audienceId: world.branchId, audienceGridId: grid1 }), invalidInput(twoAudiences()));
    expectError(await publish({ ...base, audienceGridId: world.branchId }), unknownId('audienceGridId', 'grid'));
    expectError(await publish({ ...base, audienceGridId: grid1, title: ' ' }), emptyText('title'));
    expectError(await publish({ ...base, audienceGridId: grid1 }, tokens.workerB), publishPostOutOfScope());
    expect(await models.Post.countDocuments()).toBe(before);
  });
});
