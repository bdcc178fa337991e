import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyCivicEvent, EventKind } from '@civic/events';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, waitUntilApplied, type GraphResponse, type Stack, type World } from '@civic/test-harness';

// End to end over the real broker: a request submitted and published through the gateway reaches
// its handler's inbox, and so does its escalation, each through the wishes department's events.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-05-04T01:00:00.000Z'));
let stack: Stack;
let world: World;
let committeeId: string;
let requesterToken: string;
let gridId: string;

const INBOX = `query($id: ID!) { organisation(id: $id) { notifications { unreadCount edges { node { kind title body wish { id title status } } } } } }`;
const MY_INBOX = `{ myNotifications { edges { node { kind title wish { id } } } } }`;

interface Inbox {
  unreadCount: number;
  edges: { node: { kind: string; title: string; body: string; wish: { id: string; title: string; status: string } | null } }[];
}

const dataOf = <T>(response: GraphResponse<T>): T => {
  expect(response.errors).toEqual([]);
  return response.data!;
};

beforeAll(async () => {
  stack = await startStack({ clock });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  const requesterId = await world.aResident(await world.aHousehold(gridId), { name: '王秀英' });
  requesterToken = await stack.token({ roles: ['RESIDENT'], residentId: requesterId });
  committeeId = (await world.mutate<{ createOrganisation: { id: string } }>(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
    input: { name: '新城社区居委会', kind: 'RESIDENTS_COMMITTEE', parentId: world.communityId },
  })).createOrganisation.id;
}, 120_000);

afterAll(() => stack?.stop());

/** The wishes department's events of `kinds` about one wish, as its outbox holds them. */
async function eventsOf(wishId: string, kinds: EventKind[]): Promise<AnyCivicEvent[]> {
  const { outbox } = stack.subgraph('wishes').eventCollections;
  const entries = await outbox.find({ 'event.facts.wishId': wishId, 'event.kind': { $in: kinds } }).lean();
  expect(entries.map((entry) => entry.event.kind).sort()).toEqual([...kinds].sort());
  return entries.map((entry) => entry.event as AnyCivicEvent);
}

/** Waits until the notifications department applied those events, as its consumer hears them from the broker. */
async function heard(events: AnyCivicEvent[]): Promise<void> {
  await waitUntilApplied(stack.subgraph('notifications'), 'notifications-inbox', events.map((event) => event.id));
}

describe('a handler', () => {
  it('is told when a request reaches it and when it escalates', async () => {
    const workerToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    const submitted = dataOf(
      await stack.query<{ submitWish: { id: string } }>(
        `mutation($input: SubmitWishInput!) { submitWish(input: $input) { id } }`,
        { input: { kind: 'HELP', category: 'SELF_GOVERNANCE', title: '楼道堆放杂物', description: '楼道里堆满了纸箱和旧家具，堵住了消防通道', tags: [], channel: 'APP', communityId: world.communityId, gridId } },
        { token: requesterToken },
      ),
    ).submitWish;
    dataOf(await stack.query(`mutation($id: ID!) { publishWish(id: $id) { id } }`, { id: submitted.id }, { token: workerToken }));
    await heard(await eventsOf(submitted.id, ['wish.published', 'request.routed']));

    const committeeInbox = dataOf(await stack.query<{ organisation: { notifications: Inbox } }>(INBOX, { id: committeeId }, { token: workerToken })).organisation.notifications;
    expect(committeeInbox).toEqual({
      unreadCount: 1,
      edges: [
        {
          node: {
            kind: 'REQUEST_RECEIVED',
            title: '新诉求待办理',
            body: '一项诉求已转至本单位办理，办理时限 2026-05-05 09:00。',
            wish: { id: submitted.id, title: '楼道堆放杂物', status: 'ROUTED' },
          },
        },
      ],
    });

    // Left overdue: the deadline job tells the handler its deadline passed and escalates the request to the street.
    const sweeper = await stack.token({ roles: ['DISTRICT_ADMIN'], scope: [world.districtId] });
    const at = new Date(clock.now().getTime() + 25 * HOUR).toISOString();
    dataOf(await stack.query(`mutation($at: DateTime) { runDeadlineSweep(at: $at) { escalated } }`, { at }, { token: sweeper }));
    await heard(await eventsOf(submitted.id, ['wish.published', 'request.routed', 'request.overdue', 'wish.escalated']));

    const streetToken = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
    const streetInbox = dataOf(await stack.query<{ organisation: { notifications: Inbox } }>(INBOX, { id: world.streetId }, { token: streetToken })).organisation.notifications;
    expect(streetInbox).toEqual({
      unreadCount: 1,
      edges: [{ node: { kind: 'REQUEST_ESCALATED', title: '诉求升级至本单位', body: '一项诉求已升级至本单位办理，请及时处理。', wish: { id: submitted.id, title: '楼道堆放杂物', status: 'ROUTED' } } }],
    });
    const committeeLater = dataOf(await stack.query<{ organisation: { notifications: Inbox } }>(INBOX, { id: committeeId }, { token: workerToken })).organisation.notifications;
    expect(committeeLater.edges.map((edge) => edge.node.kind).sort()).toEqual(['DEADLINE_PASSED', 'REQUEST_RECEIVED']);

    // The requester heard of each step of their own request.
    const mine = dataOf(await stack.query<{ myNotifications: { edges: { node: { kind: string; title: string; wish: { id: string } } }[] } }>(MY_INBOX, {}, { token: requesterToken })).myNotifications;
    expect(mine.edges.map((edge) => [edge.node.kind, edge.node.title, edge.node.wish.id]).sort()).toEqual(
      [
        ['WISH_STATUS_CHANGED', '已通过审核', submitted.id],
        ['WISH_STATUS_CHANGED', '诉求已转办', submitted.id],
        ['WISH_STATUS_CHANGED', '诉求已升级办理', submitted.id],
      ].sort(),
    );
  });
});
