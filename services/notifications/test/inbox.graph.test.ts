import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, disconnectedGraphClient, invalidInput, notAnId, notFound, unauthenticated, unknownId } from '@civic/service-kit';
import { aWorld, expectError, startStack, type GraphResponse, type Stack, type World } from '@civic/test-harness';
import type { Models } from '../src/models/index.ts';
import { kindChosenTwice } from '../src/domain/preferences.ts';
import { NOTIFICATION_KINDS } from '../src/domain/vocabulary.ts';
import { actForOrganisationOutOfScope, deliverWithoutServiceRole, markAnothersNotification, noPersonalInbox, readOrganisationInboxOutOfScope, tooManyIds } from '../src/errors.ts';
import { anEvent, anId, inboxApplier } from './support/events.ts';
import { DELIVER, MARK_ALL_READ, MARK_READ, MY_NOTIFICATIONS, ONE_NOTIFICATION, ORGANISATION_NOTIFICATIONS, PREFERENCES, SET_PREFERENCES } from './support/operations.ts';

const clock = new ManualClock(new Date('2026-11-30T02:00:00.000Z'));
let stack: Stack;
let world: World;
let apply: ReturnType<typeof inboxApplier>;

beforeAll(async () => {
  stack = await startStack({ clock });
  world = await aWorld(stack);
  apply = inboxApplier(stack.subgraph('notifications').models as unknown as Models, clock, disconnectedGraphClient);
}, 120_000);

afterAll(() => stack?.stop());

/** An inbox page, with the fields the tests select. */
interface Page {
  totalCount: number;
  unreadCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; kind: string; title: string; body: string; read: boolean; readAt: string | null; createdAt: string; recipient: { __typename: string; id: string }; wish: { id: string } | null; deliveries: { channel: string; status: string; failure: string | null }[] } }[];
}

const dataOf = <T>(response: GraphResponse<T>): T => {
  expect(response.errors).toEqual([]);
  return response.data!;
};
const asResident = (residentId: string) => stack.token({ roles: ['RESIDENT'], residentId });
const communityWorker = (scope: string) => stack.token({ roles: ['COMMUNITY_WORKER'], scope: [scope] });

/** Events a minute apart, so the inbox's order is the order they arrived in. */
async function arrive(...events: Parameters<typeof apply>[0][]): Promise<void> {
  for (const event of events) {
    clock.advance(60_000);
    await apply(event);
  }
}

describe("a resident's inbox", () => {
  it('pages newest first with the unread count, and marks read once', async () => {
    const requester = anId();
    const wishes = [anId(), anId(), anId()];
    await arrive(
      anEvent('wish.published', { wishId: wishes[0]!, requesterId: requester, communityId: world.communityId, gridId: null }),
      anEvent('wish.claimed', { wishId: wishes[1]!, requesterId: requester, claimant: { type: 'Resident', id: anId() }, communityId: world.communityId }),
      anEvent('wish.fulfilled', { wishId: wishes[2]!, requesterId: requester, claimant: { type: 'Resident', id: anId() }, servedBy: [] }),
    );
    const token = await asResident(requester);
    const first = dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, { first: 2 }, { token })).myNotifications;
    expect(first.edges.map((edge) => [edge.node.title, edge.node.wish?.id, edge.node.recipient])).toEqual([
      ['心愿已完成', wishes[2], { __typename: 'Resident', id: requester }],
      ['心愿已被认领', wishes[1], { __typename: 'Resident', id: requester }],
    ]);
    expect({ totalCount: first.totalCount, unreadCount: first.unreadCount, hasNextPage: first.pageInfo.hasNextPage }).toEqual({ totalCount: 3, unreadCount: 3, hasNextPage: true });
    const second = dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, { first: 2, after: first.pageInfo.endCursor }, { token })).myNotifications;
    expect(second.edges.map((edge) => edge.node.title)).toEqual(['已通过审核']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const newest = first.edges[0]!.node.id;
    clock.advance(60_000);
    const marked = dataOf(await stack.query<{ markNotificationsRead: { id: string; read: boolean; readAt: string }[] }>(MARK_READ, { ids: [newest] }, { token }));
    expect(marked.markNotificationsRead).toEqual([{ id: newest, read: true, readAt: clock.now().toISOString() }]);
    const readAt = clock.now().toISOString();
    clock.advance(60_000);
    // Marking again keeps the time it was first read.
    expect(dataOf(await stack.query<{ markNotificationsRead: { readAt: string }[] }>(MARK_READ, { ids: [newest] }, { token })).markNotificationsRead[0]!.readAt).toBe(readAt);

    const unread = dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, { unreadOnly: true }, { token })).myNotifications;
    expect({ titles: unread.edges.map((edge) => edge.node.title), totalCount: unread.totalCount, unreadCount: unread.unreadCount }).toEqual({
      titles: ['心愿已被认领', '已通过审核'],
      totalCount: 2,
      unreadCount: 2,
    });
    expect(dataOf(await stack.query<{ markAllNotificationsRead: number }>(MARK_ALL_READ, {}, { token })).markAllNotificationsRead).toBe(2);
    expect(dataOf(await stack.query<{ markAllNotificationsRead: number }>(MARK_ALL_READ, {}, { token })).markAllNotificationsRead).toBe(0);
    expect(dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, {}, { token })).myNotifications.unreadCount).toBe(0);
  });

  it('is read and marked by its resident only', async () => {
    const owner = anId();
    const event = anEvent('booking.made', { bookingId: anId(), resourceId: anId(), bookedBy: { type: 'Resident', id: owner } });
    await arrive(event);
    const [edge] = dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, {}, { token: await asResident(owner) })).myNotifications.edges;
    const someoneElse = await asResident(anId());
    expect(dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, {}, { token: someoneElse })).myNotifications.totalCount).toBe(0);
    expectError(await stack.query(MARK_READ, { ids: [edge!.node.id] }, { token: someoneElse }), markAnothersNotification());
    expectError(await stack.query(MARK_READ, { ids: [edge!.node.id] }, { token: await communityWorker(world.districtId) }), markAnothersNotification());
    const unknown = anId();
    expectError(await stack.query(MARK_READ, { ids: [unknown] }, { token: someoneElse }), notFound('Notification', unknown));
    expectError(await stack.query(MARK_READ, { ids: ['12'] }, { token: someoneElse }), notAnId('ids'));
    expectError(await stack.query(MARK_READ, { ids: Array.from({ length: 101 }, anId) }, { token: someoneElse }), tooManyIds(100));
    expectError(await stack.query(MY_NOTIFICATIONS, {}), unauthenticated());
    expectError(await stack.query(MY_NOTIFICATIONS, {}, { token: await communityWorker(world.communityId) }), noPersonalInbox());
    // Nothing was marked by the refused calls.
    expect(dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, {}, { token: await asResident(owner) })).myNotifications.unreadCount).toBe(1);
  });

  it('answers one notification to its recipient, and null to anyone else as for an unknown id', async () => {
    const owner = anId();
    await arrive(anEvent('booking.made', { bookingId: anId(), resourceId: anId(), bookedBy: { type: 'Resident', id: owner } }));
    const [edge] = dataOf(await stack.query<{ myNotifications: Page }>(MY_NOTIFICATIONS, {}, { token: await asResident(owner) })).myNotifications.edges;
    const id = edge!.node.id;
    expect(dataOf(await stack.query(ONE_NOTIFICATION, { id }, { token: await asResident(owner) }))).toEqual({
      notification: { id, title: edge!.node.title, read: false, recipient: { __typename: 'Resident', id: owner } },
    });
    for (const token of [await asResident(anId()), await communityWorker(world.districtId)]) {
      expect(dataOf(await stack.query(ONE_NOTIFICATION, { id }, { token }))).toEqual({ notification: null });
    }
    expect(dataOf(await stack.query(ONE_NOTIFICATION, { id: anId() }, { token: await asResident(owner) }))).toEqual({ notification: null });
    expectError(await stack.query(ONE_NOTIFICATION, { id: '12' }, { token: await asResident(owner) }), notAnId('id'));
    expectError(await stack.query(ONE_NOTIFICATION, { id }), unauthenticated());
  });

  it("answers an organisation's notification to staff covering it only", async () => {
    const committee = dataOf(
      await stack.query<{ createOrganisation: { id: string } }>(`mutation { createOrganisation(input: { name: "新城社区居委会", kind: RESIDENTS_COMMITTEE, parentId: "${world.communityId}" }) { id } }`, {}, { token: world.adminToken }),
    ).createOrganisation.id;
    await arrive(anEvent('request.routed', { wishId: anId(), requesterId: anId(), handlerId: committee, deadline: '2026-12-02T02:00:00.000Z' }));
    const inScope = await communityWorker(world.communityId);
    const [edge] = dataOf(await stack.query<{ organisation: { notifications: Page } }>(ORGANISATION_NOTIFICATIONS, { id: committee }, { token: inScope })).organisation.notifications.edges;
    const id = edge!.node.id;
    expect(dataOf(await stack.query(ONE_NOTIFICATION, { id }, { token: inScope }))).toEqual({
      notification: { id, title: edge!.node.title, read: false, recipient: { __typename: 'Organisation', id: committee } },
    });
    expect(dataOf(await stack.query(ONE_NOTIFICATION, { id }, { token: await asResident(anId()) }))).toEqual({ notification: null });
  });
});

describe("an organisation's inbox", () => {
  it('is read and marked by staff whose scope covers the organisation, and by nobody else', async () => {
    const wishId = anId();
    await arrive(
      anEvent('request.routed', { wishId, requesterId: anId(), handlerId: world.communityId, deadline: '2026-12-02T02:00:00.000Z' }),
      anEvent('request.deadlineNear', { wishId, handlerId: world.communityId, deadline: '2026-12-02T02:00:00.000Z' }),
    );
    const inScope = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
    const read = dataOf(await stack.query<{ organisation: { name: string; notifications: Page } }>(ORGANISATION_NOTIFICATIONS, { id: world.communityId }, { token: inScope })).organisation;
    expect({ name: read.name, kinds: read.notifications.edges.map((edge) => [edge.node.kind, edge.node.body, edge.node.recipient]), unreadCount: read.notifications.unreadCount }).toEqual({
      name: '新城社区党委',
      kinds: [
        ['DEADLINE_NEAR', '一项诉求的办理时限为 2026-12-02 10:00，请抓紧办理。', { __typename: 'Organisation', id: world.communityId }],
        ['REQUEST_RECEIVED', '一项诉求已转至本单位办理，办理时限 2026-12-02 10:00。', { __typename: 'Organisation', id: world.communityId }],
      ],
      unreadCount: 2,
    });

    const otherStreet = dataOf(
      await stack.query<{ createOrganisation: { id: string } }>(`mutation { createOrganisation(input: { name: "沙洲街道党工委", kind: STREET_COMMITTEE, parentId: "${world.districtId}" }) { id } }`, {}, { token: world.adminToken }),
    ).createOrganisation.id;
    for (const token of [await communityWorker(otherStreet), await asResident(anId()), await stack.token({ roles: ['ANALYST'] })]) {
      const refused = await stack.query<{ organisation: { name: string; notifications: Page | null } }>(ORGANISATION_NOTIFICATIONS, { id: world.communityId }, { token });
      expectError(refused, readOrganisationInboxOutOfScope());
      expect(refused.data?.organisation).toEqual({ name: '新城社区党委', notifications: null });
      expectError(await stack.query(MARK_ALL_READ, { organisationId: world.communityId }, { token }), actForOrganisationOutOfScope());
    }
    expectError(await stack.query(MARK_READ, { ids: [read.notifications.edges[0]!.node.id] }, { token: await communityWorker(otherStreet) }), markAnothersNotification());

    expect(dataOf(await stack.query<{ markNotificationsRead: { read: boolean }[] }>(MARK_READ, { ids: [read.notifications.edges[0]!.node.id] }, { token: inScope })).markNotificationsRead).toEqual([
      { id: read.notifications.edges[0]!.node.id, read: true, readAt: clock.now().toISOString() },
    ]);
    const worker = await communityWorker(world.communityId);
    expect(dataOf(await stack.query<{ markAllNotificationsRead: number }>(MARK_ALL_READ, { organisationId: world.communityId }, { token: worker })).markAllNotificationsRead).toBe(1);
    expectError(await stack.query(MARK_ALL_READ, { organisationId: anId() }, { token: worker }), unknownId('organisationId', 'organisation'));
  });
});

describe('channel preferences', () => {
  it('start with the inbox only, change kind by kind, and make deliveries the delivery job sends', async () => {
    const worker = await communityWorker(world.communityId);
    const all = NOTIFICATION_KINDS.map((kind) => ({ kind, channels: ['IN_APP'] }));
    expect(dataOf(await stack.query<{ notificationPreferences: unknown }>(PREFERENCES, { organisationId: world.branchId }, { token: worker })).notificationPreferences).toEqual({
      recipient: { __typename: 'Organisation', id: world.branchId },
      choices: all,
    });
    await stack.query(SET_PREFERENCES, { organisationId: world.branchId, choices: [{ kind: 'REQUEST_RECEIVED', channels: ['SMS'] }] }, { token: worker });
    const set = await stack.query<{ setNotificationPreferences: { choices: unknown[] } }>(
      SET_PREFERENCES,
      { organisationId: world.branchId, choices: [{ kind: 'DEADLINE_PASSED', channels: ['WECHAT', 'SMS'] }] },
      { token: worker },
    );
    expect(dataOf(set).setNotificationPreferences.choices).toEqual(
      all.map((choice) =>
        choice.kind === 'REQUEST_RECEIVED' ? { kind: choice.kind, channels: ['IN_APP', 'SMS'] } : choice.kind === 'DEADLINE_PASSED' ? { kind: choice.kind, channels: ['IN_APP', 'SMS', 'WECHAT'] } : choice,
      ),
    );
    expectError(
      await stack.query(SET_PREFERENCES, { organisationId: world.branchId, choices: [{ kind: 'CLAIM_WON', channels: [] }, { kind: 'CLAIM_WON', channels: ['SMS'] }] }, { token: worker }),
      invalidInput(kindChosenTwice('CLAIM_WON')),
    );
    expectError(await stack.query(SET_PREFERENCES, { organisationId: world.branchId, choices: [] }, { token: await asResident(anId()) }), actForOrganisationOutOfScope());
    expectError(await stack.query(PREFERENCES, { organisationId: world.branchId }, { token: await asResident(anId()) }), readOrganisationInboxOutOfScope());

    await arrive(anEvent('request.routed', { wishId: anId(), requesterId: anId(), handlerId: world.branchId, deadline: null }));
    const inbox = () => stack.query<{ organisation: { notifications: Page } }>(ORGANISATION_NOTIFICATIONS, { id: world.branchId }, { token: worker });
    expect(dataOf(await inbox()).organisation.notifications.edges.map((edge) => edge.node.deliveries)).toEqual([[{ channel: 'SMS', status: 'PENDING', failure: null }]]);

    expectError(await stack.query(DELIVER, {}, { token: worker }), deliverWithoutServiceRole());
    const service = await stack.token({ roles: ['SERVICE'], subject: 'service:notifications' });
    expect(dataOf(await stack.query<{ deliverNotifications: number }>(DELIVER, {}, { token: service })).deliverNotifications).toBe(1);
    expect(dataOf(await inbox()).organisation.notifications.edges.map((edge) => edge.node.deliveries)).toEqual([[{ channel: 'SMS', status: 'DELIVERED', failure: null }]]);
  });

  it("are a resident's own", async () => {
    const resident = anId();
    const token = await asResident(resident);
    const set = await stack.query<{ setNotificationPreferences: { recipient: unknown; choices: { kind: string; channels: string[] }[] } }>(
      SET_PREFERENCES,
      { choices: [{ kind: 'BOOKING_CONFIRMED', channels: ['WECHAT'] }] },
      { token },
    );
    expect(dataOf(set).setNotificationPreferences.recipient).toEqual({ __typename: 'Resident', id: resident });
    const read = dataOf(await stack.query<{ notificationPreferences: { choices: { kind: string; channels: string[] }[] } }>(PREFERENCES, {}, { token })).notificationPreferences;
    expect(read.choices.filter((choice) => choice.channels.length > 1)).toEqual([{ kind: 'BOOKING_CONFIRMED', channels: ['IN_APP', 'WECHAT'] }]);
    const someoneElse = dataOf(await stack.query<{ notificationPreferences: { choices: { channels: string[] }[] } }>(PREFERENCES, {}, { token: await asResident(anId()) })).notificationPreferences;
    expect(someoneElse.choices.every((choice) => choice.channels.length === 1)).toBe(true);
  });
});
