import { afterAll, beforeAll, expect, it } from 'vitest';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { PUBLISH, REJECT, WishWorld, errorsOf } from './support/wish-world.ts';
import { publishOutOfScope, readStatisticsOutOfScope } from '../src/errors.ts';

// Who sees what, through the gateway: the requester in full, others published wishes with the
// requester masked, handlers their queue, staff their subtree, anonymous callers nothing personal.
let stack: Stack;
let world: World;
let wishes: WishWorld;
let requesterId: string;
const tokens: Record<'requester' | 'neighbour' | 'worker' | 'otherWorker', string> = { requester: '', neighbour: '', worker: '', otherWorker: '' };
const ids: Record<'published' | 'submitted' | 'rejected' | 'request', string> = { published: '', submitted: '', rejected: '', request: '' };

const WISH = 'query($id: ID!){ wish(id: $id) { title requester { id } recordedBy timeline { actor } } }';
const LIST = 'query($filter: WishFilter){ wishes(filter: $filter) { totalCount edges { node { id requester { id } } } } }';

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph] });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  const gridId = await world.aMicroGrid();
  requesterId = await world.aResident(await world.aHousehold(gridId), { name: '王秀英' });
  tokens.requester = await wishes.residentToken(requesterId);
  tokens.neighbour = await wishes.residentToken(await world.aResident(await world.aHousehold(gridId), { name: '赵建国' }));
  tokens.worker = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  const elsewhere = await wishes.anOrganisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', world.streetId);
  tokens.otherWorker = await wishes.staffToken('COMMUNITY_WORKER', [elsewhere]);
  const submit = async (title: string, kind = 'WISH', category = 'PUBLIC_WELFARE') => (await wishes.submit({ communityId: world.communityId, gridId, title, kind, category }, tokens.requester)).id;
  ids.published = await submit('陪同去医院复诊');
  ids.submitted = await submit('教我用智能手机挂号');
  ids.rejected = await submit('帮忙代购香烟');
  ids.request = await submit('楼道堆放杂物', 'HELP', 'SELF_GOVERNANCE');
  await wishes.must(PUBLISH, { id: ids.published }, tokens.worker);
  await wishes.must(PUBLISH, { id: ids.request }, tokens.worker);
  await wishes.must(REJECT, { id: ids.rejected, reason: '不属于社区受理范围' }, tokens.worker);
}, 120_000);

afterAll(() => stack.stop());

const read = async (id: string, token?: string) => (await stack.query(WISH, { id }, { token })).data;
const listed = async (token: string | undefined, filter: Record<string, unknown> = {}) => {
  const response = await stack.query<{ wishes: { totalCount: number; edges: { node: { id: string; requester: { id: string } | null } }[] } }>(LIST, { filter }, { token });
  return { totalCount: response.data!.wishes.totalCount, nodes: new Set(response.data!.wishes.edges.map(({ node }) => `${node.id}:${node.requester?.id ?? 'masked'}`)) };
};
const entry = (id: string, requester: string) => `${id}:${requester}`;

it('shows the requester their own wishes in full, published or not', async () => {
  expect(await read(ids.published, tokens.requester)).toEqual({
    wish: { title: '陪同去医院复诊', requester: { id: requesterId }, recordedBy: requesterId, timeline: [{ actor: requesterId }, { actor: 'test:user' }] },
  });
  expect(await read(ids.submitted, tokens.requester)).toEqual({ wish: { title: '教我用智能手机挂号', requester: { id: requesterId }, recordedBy: requesterId, timeline: [{ actor: requesterId }] } });
  const mine = await stack.query<{ myWishes: { totalCount: number } }>('{ myWishes { totalCount } }', {}, { token: tokens.requester });
  expect(mine.data).toEqual({ myWishes: { totalCount: 4 } });
});

it('shows another resident published wishes with the requester masked, and nothing unpublished', async () => {
  const masked = { wish: { title: '陪同去医院复诊', requester: null, recordedBy: '***', timeline: [{ actor: '***' }, { actor: '***' }] } };
  expect(await read(ids.published, tokens.neighbour)).toEqual(masked);
  expect([await read(ids.submitted, tokens.neighbour), await read(ids.rejected, tokens.neighbour)]).toEqual([{ wish: null }, { wish: null }]);
  expect(await listed(tokens.neighbour)).toEqual({ totalCount: 2, nodes: new Set([entry(ids.published, 'masked'), entry(ids.request, 'masked')]) });
  // Listing by requester would name who asked for the masked wishes: it lists none.
  expect(await listed(tokens.neighbour, { requesterId })).toEqual({ totalCount: 0, nodes: new Set() });
});

it("shows the handler's staff their queue, and community staff their subtree in full", async () => {
  const queue = 'query($id: ID!){ handlerQueue(handlerId: $id) { totalCount edges { node { id requester { id } } } } }';
  // No residents' committee here: the community handles the self-governance request.
  expect((await stack.query(queue, { id: world.communityId }, { token: tokens.worker })).data).toEqual({
    handlerQueue: { totalCount: 1, edges: [{ node: { id: ids.request, requester: { id: requesterId } } }] },
  });
  expect(await listed(tokens.worker)).toEqual({
    totalCount: 4,
    nodes: new Set(Object.values(ids).map((id) => entry(id, requesterId))),
  });
  expect(await listed(tokens.worker, { requesterId })).toEqual({ totalCount: 4, nodes: new Set(Object.values(ids).map((id) => entry(id, requesterId))) });
});

it("gives staff of another community nothing beyond what any resident sees, and refuses them the community's work", async () => {
  expect(await read(ids.submitted, tokens.otherWorker)).toEqual({ wish: null });
  expect(await listed(tokens.otherWorker)).toEqual({ totalCount: 2, nodes: new Set([entry(ids.published, 'masked'), entry(ids.request, 'masked')]) });
  const queue = await stack.query('query($id: ID!){ handlerQueue(handlerId: $id) { totalCount } }', { id: world.communityId }, { token: tokens.otherWorker });
  expect(queue.data).toEqual({ handlerQueue: { totalCount: 0 } });
  const stats = await stack.query(
    'query($input: WishStatsInput!){ wishStats(input: $input) { total } }',
    { input: { organisationId: world.communityId, from: '2024-01', to: '2026-12' } },
    { token: tokens.otherWorker },
  );
  expect(errorsOf(stats.errors)).toEqual([summaryOf(readStatisticsOutOfScope())]);
  const publish = await wishes.act(PUBLISH, { id: ids.submitted }, tokens.otherWorker);
  expect(errorsOf(publish.errors)).toEqual([summaryOf(publishOutOfScope())]);
});

it('shows an anonymous caller nothing personal', async () => {
  expect(await read(ids.published)).toEqual({ wish: { title: '陪同去医院复诊', requester: null, recordedBy: '***', timeline: [{ actor: '***' }, { actor: '***' }] } });
  expect(await read(ids.submitted)).toEqual({ wish: null });
  expect(await listed(undefined, { requesterId })).toEqual({ totalCount: 0, nodes: new Set() });
  const personal = await Promise.all(['{ myWishes { totalCount } }', `{ handlerQueue(handlerId: "${world.communityId}") { totalCount } }`].map((query) => stack.query(query)));
  expect(personal.map((response) => errorsOf(response.errors)[0]!.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
});
