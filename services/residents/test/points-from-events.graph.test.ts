import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBroker, replayFromStream, type EventKind, type ReplayReport } from '@civic/events';
import { createLogger, disconnectedGraphClient, ManualClock, serviceEventStore } from '@civic/service-kit';
import { aWorld, startStack, waitUntilApplied, waitUntilPublished, type Stack, type World } from '@civic/test-harness';
import { POINTS_CONSUMER_NAME, pointsConsumer } from '../src/consumers/points-consumer.ts';
import type { Models } from '../src/models/index.ts';

// 微星光 end to end: service done through the gateway, its events over the broker, points in the ledger.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-05-04T01:00:00.000Z'));
const POINTS = 'query($id: ID!) { resident(id: $id) { points { balance entries { edges { node { amount source reason recordedBy eventId } } } } } }';
let stack: Stack;
let world: World;
let models: Models;
let gridId: string;
let workerToken: string;

interface Ledger {
  resident: { points: { balance: number; entries: { edges: { node: { amount: number; source: string; reason: string; recordedBy: string; eventId: string | null } }[] } } };
}

beforeAll(async () => {
  // Every department, each publishing and consuming on this stack's own stream.
  stack = await startStack({ clock });
  world = await aWorld(stack);
  models = stack.subgraph('residents').models as unknown as Models;
  gridId = await world.aMicroGrid();
  workerToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
}, 120_000);
afterAll(() => stack.stop());

async function must<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await stack.query<T>(query, variables, { token });
  expect(response.errors).toEqual([]);
  return response.data!;
}

async function ledgerOf(residentId: string) {
  return (await must<Ledger>(POINTS, { id: residentId }, workerToken)).resident.points;
}

/** The event ids of a department's outbox, all published, and the points consumer done with them. */
async function settled(department: string, kinds: EventKind[]): Promise<string[]> {
  const source = stack.subgraph(department);
  await waitUntilPublished(source);
  const ids = (await source.eventCollections.outbox.find({ 'event.kind': { $in: kinds } }, { _id: 1 }).lean()).map((entry) => entry._id);
  await waitUntilApplied(stack.subgraph('residents'), POINTS_CONSUMER_NAME, ids);
  return ids;
}

async function aVolunteer(name: string): Promise<{ id: string; token: string }> {
  const id = await world.aResident(await world.aHousehold(gridId), { name });
  await world.mutate('mutation($id: ID!, $p: VolunteerProfileInput){ setVolunteerProfile(residentId: $id, profile: $p) { id } }', { id, p: { skills: ['买菜代购'], teamIds: [] } });
  return { id, token: await stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: id }) };
}

async function replayAll(): Promise<ReplayReport> {
  const broker = await connectBroker(stack.events.natsUrl, 'points-replay');
  try {
    const services = { models, clock, logger: createLogger('residents', 'silent'), graph: disconnectedGraphClient };
    const target = { consumer: pointsConsumer, services, store: serviceEventStore(models.PointsEntry.db), now: () => new Date() };
    return await replayFromStream(target, broker, stack.events, { sequence: 1 });
  } finally {
    await broker.close();
  }
}

describe('points from service', () => {
  let helper: { id: string; token: string };
  let participantId: string;

  it('gives the helper of a wish claimed, served and confirmed with 5 stars exactly the rule’s 10 points, once', async () => {
    helper = await aVolunteer('李志强');
    const requesterId = await world.aResident(await world.aHousehold(gridId), { name: '王秀英' });
    const requesterToken = await stack.token({ roles: ['RESIDENT'], residentId: requesterId });
    const input = { kind: 'WISH', category: 'PUBLIC_WELFARE', title: '帮忙买菜送上门', description: '老人腿脚不便，每周需要有人帮忙买一次菜', tags: ['助老'], channel: 'APP', communityId: world.communityId, gridId };
    const { submitWish } = await must<{ submitWish: { id: string } }>('mutation($input: SubmitWishInput!){ submitWish(input: $input) { id } }', { input }, requesterToken);
    const id = submitWish.id;
    await must('mutation($id: ID!){ publishWish(id: $id) { id } }', { id }, workerToken);
    // A volunteer's window opens a day after publication.
    clock.advance(25 * HOUR);
    await must('mutation($id: ID!){ claimWish(id: $id) { id } }', { id }, helper.token);
    await must('mutation($id: ID!){ startWishService(id: $id) { id } }', { id }, helper.token);
    await must('mutation($id: ID!){ fulfilWish(id: $id, note: "已送到家中") { id } }', { id }, helper.token);
    await must('mutation($id: ID!){ confirmWish(id: $id, rating: 5, comment: "谢谢！") { id } }', { id }, requesterToken);

    const [confirmed] = await settled('wishes', ['wish.confirmed']);
    expect(await ledgerOf(helper.id)).toEqual({
      balance: 10,
      entries: { edges: [{ node: { amount: 10, source: 'WISH', reason: '完成微心愿（评价5星）', recordedBy: 'residents-points', eventId: confirmed } }] },
    });
    expect(await ledgerOf(requesterId)).toEqual({ balance: 0, entries: { edges: [] } });
  });

  it('gives points by the hours checked in at an activity', async () => {
    participantId = await world.aResident(await world.aHousehold(gridId), { name: '赵桂兰' });
    const activityId = await world.anActivity({ title: '重阳节敬老活动' });
    await world.signUp(participantId, activityId);
    clock.set(new Date('2030-10-01T02:00:00.000Z'));
    await must('mutation($input: CheckInParticipantInput!){ checkInParticipant(input: $input) { hours } }', { input: { activityId, residentId: participantId, hours: 2.5 } }, workerToken);

    const [checkedIn] = await settled('organisations', ['activity.checkedIn']);
    expect(await ledgerOf(participantId)).toEqual({
      balance: 10,
      entries: { edges: [{ node: { amount: 10, source: 'ACTIVITY', reason: '参加活动（2.5小时）', recordedBy: 'residents-points', eventId: checkedIn } }] },
    });
  });

  it('changes no balance when every event is replayed twice, nor when replayed after the record of applied events is lost', async () => {
    const balances = async () => [(await ledgerOf(helper.id)).balance, (await ledgerOf(participantId)).balance];
    const entries = await models.PointsEntry.countDocuments();
    for (const round of [1, 2]) {
      const report = await replayAll();
      expect([round, report.applied, report.failed, report.alreadyApplied.length]).toEqual([round, [], [], 2]);
    }
    // The ledger's own unique (event, resident) index holds when the runner's record is gone.
    await stack.subgraph('residents').eventCollections.appliedEvents.deleteMany({ consumer: POINTS_CONSUMER_NAME });
    const afterLoss = await replayAll();
    expect([afterLoss.applied.length, afterLoss.failed]).toEqual([2, []]);
    expect(await balances()).toEqual([10, 10]);
    expect(await models.PointsEntry.countDocuments()).toBe(entries);
  });
});
