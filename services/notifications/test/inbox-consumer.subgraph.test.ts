import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { UnapplicableEvent, type EventFacts } from '@civic/events';
import { ManualClock, createLogger } from '@civic/service-kit';
import { createSubgraphTester, dataOf, FakeGraph, aTree, RACE_TIMEOUT, repeatRace, resident, staff, type SubgraphTester } from '@civic/test-harness';
import { notificationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { deliverPending, SENDING_TIMEOUT_MS } from '../src/persistence/deliveries.ts';
import { developmentChannels } from '../src/delivery/development-channels.ts';
import type { DeliveryChannel, OutgoingMessage } from '../src/delivery/delivery-channel.ts';
import { anEvent, anId, inboxApplier } from './support/events.ts';
import { SET_PREFERENCES } from './support/operations.ts';

const clock = new ManualClock(new Date('2026-11-30T02:00:00.000Z'));
const graph = new FakeGraph();
const tree = aTree(graph);
let tester: SubgraphTester<Models>;
let apply: ReturnType<typeof inboxApplier>;

beforeAll(async () => {
  tester = await createSubgraphTester(notificationsSubgraph, { clock, graph });
  apply = inboxApplier(tester.models, clock, graph);
});

afterAll(() => tester.close());

const inboxOf = (type: 'Resident' | 'Organisation', id: string) =>
  tester.models.Notification.find({ 'recipient.type': type, 'recipient.id': new Types.ObjectId(id) }).sort({ createdAt: 1, _id: 1 }).lean();
const createdEventsOf = (notificationIds: string[]) =>
  tester.models.Outbox.find({ 'event.kind': 'notification.created', 'event.facts.notificationId': { $in: notificationIds } }).lean();

const deliveriesOf = (notificationId: Types.ObjectId) =>
  tester.models.Delivery.find({ notificationId }, { _id: 0, channel: 1, status: 1, attemptedAt: 1, failure: 1 }).sort({ channel: 1 }).lean();

/** Records what it is asked to send; fails every message when `failure` is set. */
function recordingChannel(channel: 'SMS' | 'WECHAT', failure: string | null = null) {
  const sent: OutgoingMessage[] = [];
  const adapter: DeliveryChannel = {
    channel,
    async send(message) {
      // Lets other senders run between claim and outcome, as a provider's round trip would.
      await new Promise((resolve) => setImmediate(resolve));
      if (failure) throw new Error(failure);
      sent.push(message);
    },
  };
  return { adapter, sent };
}

describe('the inbox consumer', () => {
  it('puts an event in each recipient inbox once, however often it is applied, each with its notification.created event', async () => {
    const handler = anId();
    const requester = anId();
    const wishId = anId();
    const event = anEvent('request.routed', { wishId, requesterId: requester, handlerId: handler, deadline: '2026-12-01T09:30:00.000Z' }, new Date('2026-11-30T01:59:00.000Z'));
    await apply(event);
    await apply(event);

    const [toHandler] = await inboxOf('Organisation', handler);
    const inbox = await inboxOf('Organisation', handler);
    expect(inbox).toHaveLength(1);
    expect({ ...toHandler, _id: 'id' }).toEqual({
      _id: 'id',
      recipient: { type: 'Organisation', id: new Types.ObjectId(handler) },
      eventId: event.id,
      eventKind: 'request.routed',
      kind: 'REQUEST_RECEIVED',
      about: { wishId: new Types.ObjectId(wishId), meetingId: null, actionItemId: null, resourceId: null, bookingId: null, dataCorrectionRequestId: null, mobilisationId: null },
      title: '新诉求待办理',
      body: '一项诉求已转至本单位办理，办理时限 2026-12-01 17:30。',
      occurredAt: new Date('2026-11-30T01:59:00.000Z'),
      createdAt: clock.now(),
      readAt: null,
    });
    expect(await tester.models.Delivery.countDocuments({ notificationId: toHandler!._id })).toBe(0);
    const toRequester = await inboxOf('Resident', requester);
    expect(toRequester.map((notification) => notification.kind)).toEqual(['WISH_STATUS_CHANGED']);

    const created = await createdEventsOf([toHandler!._id.toHexString(), toRequester[0]!._id.toHexString()]);
    const summaries = created.map((entry) => ({ kind: entry.event.kind, source: entry.event.source, facts: entry.event.facts as EventFacts['notification.created'] }));
    expect(summaries.sort((a, b) => a.facts.kind.localeCompare(b.facts.kind))).toEqual([
      { kind: 'notification.created', source: 'notifications', facts: { notificationId: toHandler!._id.toHexString(), recipient: { type: 'Organisation', id: handler }, kind: 'REQUEST_RECEIVED' } },
      { kind: 'notification.created', source: 'notifications', facts: { notificationId: toRequester[0]!._id.toHexString(), recipient: { type: 'Resident', id: requester }, kind: 'WISH_STATUS_CHANGED' } },
    ]);
  });

  it('parks an event whose facts name no id, writing nothing of it', async () => {
    const requester = anId();
    const event = anEvent('request.routed', { wishId: anId(), requesterId: requester, handlerId: 'not-an-id', deadline: null });
    await expect(apply(event)).rejects.toEqual(new UnapplicableEvent('recipient.id is not an id: "not-an-id"'));
    expect(await tester.models.Notification.countDocuments({ eventId: event.id })).toBe(0);
  });

  it(
    'adds one notification per recipient when the same event is applied many times at once',
    async () => {
      await repeatRace(async () => {
        const claimant = anId();
        const requester = anId();
        const event = anEvent('wish.claimed', { wishId: anId(), requesterId: requester, claimant: { type: 'Resident', id: claimant }, communityId: tree.community });
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => apply(event)));
        expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
        const notifications = await tester.models.Notification.find({ eventId: event.id }).lean();
        expect(notifications.map((notification) => notification.kind).sort()).toEqual(['CLAIM_WON', 'WISH_STATUS_CHANGED']);
        expect(await createdEventsOf(notifications.map((notification) => notification._id.toHexString()))).toHaveLength(2);
      });
    },
    RACE_TIMEOUT,
  );
});

describe('delivery outside the app', () => {
  it('is pending as the recipient chose when the event arrived, sent after the commit, and recorded', async () => {
    const worker = staff('COMMUNITY_WORKER', [tree.community]);
    dataOf(await tester.execute(SET_PREFERENCES, { organisationId: tree.propertyCompany, choices: [{ kind: 'DEADLINE_PASSED', channels: ['SMS', 'WECHAT'] }] }, worker));
    const event = anEvent('request.overdue', { wishId: anId(), handlerId: tree.propertyCompany, deadline: '2026-11-30T01:00:00.000Z' });
    await apply(event);
    const [pending] = await tester.models.Notification.find({ eventId: event.id }).lean();
    expect(await deliveriesOf(pending!._id)).toEqual([
      { channel: 'SMS', status: 'PENDING', attemptedAt: null, failure: null },
      { channel: 'WECHAT', status: 'PENDING', attemptedAt: null, failure: null },
    ]);

    const sms = recordingChannel('SMS');
    const weChat = recordingChannel('WECHAT', 'template civic-notification is not approved');
    expect(await deliverPending(tester.models, [sms.adapter, weChat.adapter], () => clock.now())).toEqual({ delivered: 1, failed: 1 });
    expect(sms.sent).toEqual([
      { notificationId: pending!._id.toHexString(), recipient: { type: 'Organisation', id: tree.propertyCompany }, kind: 'DEADLINE_PASSED', title: '诉求已超期', body: '一项诉求已超过办理时限（2026-11-30 09:00），请尽快办理。' },
    ]);
    const [after] = await tester.models.Notification.find({ eventId: event.id }).lean();
    expect(await deliveriesOf(pending!._id)).toEqual([
      { channel: 'SMS', status: 'DELIVERED', attemptedAt: clock.now(), failure: null },
      { channel: 'WECHAT', status: 'FAILED', attemptedAt: clock.now(), failure: 'template civic-notification is not approved' },
    ]);
    // The failed channel lost nothing of the inbox, and nothing is sent twice.
    expect({ title: after!.title, readAt: after!.readAt }).toEqual({ title: '诉求已超期', readAt: null });
    expect(await deliverPending(tester.models, developmentChannels(createLogger('test', 'silent')), () => clock.now())).toEqual({ delivered: 0, failed: 0 });
  });

  it('takes over a delivery whose sender stopped before recording it', async () => {
    const recipient = anId();
    dataOf(await tester.execute(SET_PREFERENCES, { choices: [{ kind: 'BOOKING_CONFIRMED', channels: ['SMS'] }] }, resident(recipient)));
    const event = anEvent('booking.made', { bookingId: anId(), resourceId: anId(), bookedBy: { type: 'Resident', id: recipient } });
    await apply(event);
    const notification = await tester.models.Notification.findOne({ eventId: event.id }).lean();
    await tester.models.Delivery.updateOne({ notificationId: notification!._id }, { $set: { status: 'SENDING', attemptedAt: clock.now() } });
    const sms = recordingChannel('SMS');
    expect(await deliverPending(tester.models, [sms.adapter], () => clock.now())).toEqual({ delivered: 0, failed: 0 });
    const later = () => new Date(clock.now().getTime() + SENDING_TIMEOUT_MS + 1);
    expect(await deliverPending(tester.models, [sms.adapter], later)).toEqual({ delivered: 1, failed: 0 });
    expect(sms.sent.map((message) => message.recipient)).toEqual([{ type: 'Resident', id: recipient }]);
  });

  it(
    'sends each delivery once when several senders run at once',
    async () => {
      await repeatRace(async () => {
        const recipient = anId();
        dataOf(await tester.execute(SET_PREFERENCES, { choices: [{ kind: 'CLAIM_WON', channels: ['SMS'] }] }, resident(recipient)));
        for (let count = 0; count < 5; count += 1) {
          await apply(anEvent('wish.claimed', { wishId: anId(), requesterId: anId(), claimant: { type: 'Resident', id: recipient }, communityId: tree.community }));
        }
        const sms = recordingChannel('SMS');
        const runs = await Promise.all(Array.from({ length: 4 }, () => deliverPending(tester.models, [sms.adapter], () => clock.now())));
        expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBe(5);
        expect(new Set(sms.sent.map((message) => message.notificationId)).size).toBe(5);
        expect(sms.sent).toHaveLength(5);
      });
    },
    RACE_TIMEOUT,
  );
});

describe('a notification by reference', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Notification { id kind } } }`;

  it('resolves for its recipient and for staff over the recipient organisation, and is null for anyone else', async () => {
    const owner = anId();
    const event = anEvent('wish.claimed', { wishId: anId(), requesterId: owner, claimant: { type: 'Organisation', id: tree.ownersCommittee }, communityId: tree.community });
    await apply(event);
    const [toOwner, toCommittee] = await Promise.all([
      tester.models.Notification.findOne({ eventId: event.id, 'recipient.type': 'Resident' }).lean(),
      tester.models.Notification.findOne({ eventId: event.id, 'recipient.type': 'Organisation' }).lean(),
    ]);
    const representations = [toOwner!, toCommittee!].map((notification) => ({ __typename: 'Notification', id: notification._id.toHexString() }));
    const seenBy = async (viewer: Parameters<typeof tester.execute>[2]) =>
      dataOf<{ _entities: ({ kind: string } | null)[] }>(await tester.execute(ENTITIES, { representations }, viewer))._entities.map((entity) => entity?.kind ?? null);

    expect(await seenBy(resident(owner))).toEqual(['WISH_STATUS_CHANGED', null]);
    expect(await seenBy(staff('COMMUNITY_WORKER', [tree.community]))).toEqual([null, 'CLAIM_WON']);
    expect(await seenBy(staff('COMMUNITY_WORKER', [tree.otherCommunity]))).toEqual([null, null]);
    expect(await seenBy(resident(anId()))).toEqual([null, null]);
  });
});
