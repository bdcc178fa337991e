import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@civic/identity';
import { ManualClock, unauthenticated, emptyText, invalidInput } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, staff, expectError, FakeGraph } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { TreeBuilder } from './support/tree-builder.ts';
import { resident } from './support/viewers.ts';
import { audienceOutsidePublisher } from '../src/domain/post-rules.ts';
import { publishPostOutOfScope } from '../src/errors.ts';

const clock = new ManualClock(new Date('2025-03-01T08:00:00+08:00'));
let tester: SubgraphTester<Models>;
let tree: Awaited<ReturnType<TreeBuilder['fiveLevels']>>;
let otherCommunity: string;
/** A resident of the tree's community, as the residents department knows them. */
let communityResident: string;

const PUBLISH = `mutation($input: PublishPostInput!) { publishPost(input: $input) { id publisher { name } audience { name } kind title body publishedAt public } }`;
const LIST = `query($filter: PostFilter) { posts(filter: $filter) { totalCount edges { node { title } } } }`;
const titles = (result: Awaited<ReturnType<typeof tester.execute>>) =>
  dataOf<{ posts: { edges: { node: { title: string } }[] } }>(result).posts.edges.map((edge) => edge.node.title);

async function publish(viewer: ReturnType<typeof staff>, input: Record<string, unknown>): Promise<string> {
  clock.advance(60_000);
  return dataOf<{ publishPost: { id: string } }>(await tester.execute(PUBLISH, { input }, viewer)).publishPost.id;
}

beforeAll(async () => {
  const graph = new FakeGraph();
  tester = await createSubgraphTester(organisationsSubgraph, { clock, graph });
  const builder = new TreeBuilder(tester);
  tree = await builder.fiveLevels();
  communityResident = graph.resident(graph.organisation('COMMUNITY_PARTY_COMMITTEE', null, tree.community));
  otherCommunity = await builder.organisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', tree.street);
  const streetAdmin = staff('STREET_ADMIN', [tree.street]);
  const communityWorker = staff('COMMUNITY_WORKER', [tree.community]);
  await publish(streetAdmin, { publisherId: tree.street, kind: 'POLICY', title: '江心洲街道老旧小区改造政策解读', body: '今年起街道将分批改造老旧小区……', public: true });
  await publish(streetAdmin, { publisherId: tree.street, audienceId: otherCommunity, kind: 'NOTICE', title: '滨江社区停水通知', body: '3月5日9时至17时停水。', public: true });
  await publish(communityWorker, { publisherId: tree.community, kind: 'VOLUNTEER_CALL', title: '招募周末助老志愿者', body: '每周六上午陪伴高龄老人。', public: false });
  await publish(communityWorker, { publisherId: tree.community, kind: 'NEWS', title: '新城社区举办邻里节', body: '三百余名居民参加。', public: true });
});

afterAll(async () => {
  await tester.close();
});

describe('the micro-platform (微平台)', () => {
  it('publishes a post to the publisher by default', async () => {
    const result = await tester.execute(
      PUBLISH,
      { input: { publisherId: tree.branch, kind: 'NOTICE', title: '支部主题党日活动通知', body: '本周五下午两点在党群服务中心。', public: false } },
      staff('COMMUNITY_WORKER', [tree.community]),
    );
    const post = dataOf<{ publishPost: { id: string } }>(result).publishPost;
    expect(post).toEqual({
      id: post.id,
      publisher: { name: '新城社区第一党支部' },
      audience: { name: '新城社区第一党支部' },
      kind: 'NOTICE',
      title: '支部主题党日活动通知',
      body: '本周五下午两点在党群服务中心。',
      publishedAt: clock.now(),
      public: false,
    });
  });

  it('lists newest first; anonymous callers see public posts only, residents those of their audiences too', async () => {
    expect(titles(await tester.execute(LIST, { filter: { audienceWithin: tree.street } }, ANONYMOUS))).toEqual([
      '新城社区举办邻里节',
      '滨江社区停水通知',
      '江心洲街道老旧小区改造政策解读',
    ]);
    expect(titles(await tester.execute(LIST, { filter: { audienceWithin: tree.community } }, resident(communityResident)))).toEqual([
      '新城社区举办邻里节',
      '招募周末助老志愿者',
    ]);
  });

  it('filters by publisher and kind', async () => {
    expect(titles(await tester.execute(LIST, { filter: { publisherId: tree.street } }))).toEqual(['滨江社区停水通知', '江心洲街道老旧小区改造政策解读']);
    expect(titles(await tester.execute(LIST, { filter: { kind: 'VOLUNTEER_CALL' } }, resident(communityResident)))).toEqual(['招募周末助老志愿者']);
    expect(titles(await tester.execute(LIST, { filter: { audienceWithin: otherCommunity } }))).toEqual(['滨江社区停水通知']);
  });

  it('refuses an audience outside the publisher, bad text and outsiders, writing nothing', async () => {
    const before = await tester.models.Post.countDocuments();
    const communityWorker = staff('COMMUNITY_WORKER', [tree.community]);
    const base = { publisherId: tree.community, kind: 'NEWS', title: '社区新闻', body: '正文', public: true };
    expectError(await tester.execute(PUBLISH, { input: { ...base, audienceId: tree.street } }, communityWorker), invalidInput(audienceOutsidePublisher()));
    expectError(await tester.execute(PUBLISH, { input: { ...base, title: ' ' } }, communityWorker), emptyText('title'));
    expectError(await tester.execute(PUBLISH, { input: { ...base, publisherId: otherCommunity } }, communityWorker), publishPostOutOfScope());
    expectError(await tester.execute(PUBLISH, { input: base }, ANONYMOUS), unauthenticated());
    expect(await tester.models.Post.countDocuments()).toBe(before);
  });

  it('hides a non-public post from anonymous callers', async () => {
    const [hidden] = await tester.models.Post.find({ public: false }).lean();
    expect(dataOf(await tester.execute(`query($id: ID!) { post(id: $id) { title } }`, { id: hidden!._id.toHexString() }, ANONYMOUS))).toEqual({ post: null });
  });
});
