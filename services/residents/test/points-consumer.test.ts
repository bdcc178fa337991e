import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnapplicableEvent, type AnyCivicEvent } from '@civic/events';
import { ManualClock } from '@civic/service-kit';
import { createSubgraphTester, RACE_TIMEOUT, repeatRace } from '@civic/test-harness';
import { Types } from 'mongoose';
import { residentsSubgraph } from '../src/subgraph.ts';
import { POINTS_CONSUMER_NAME, pointsConsumer } from '../src/consumers/points-consumer.ts';
import { accessLogConsumer } from '../src/consumers/access-log-consumer.ts';
import { createHousehold, dataOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, STRANGER_ID, VIEWERS } from './support/world.ts';
import { applyEvent, attended, checkedIn, wishConfirmed } from './support/points-events.ts';

// The consumer as the event runner calls it: `apply` inside a transaction on the real database.
let tester: Tester;
let householdId: string;
const clock = new ManualClock(new Date('2025-05-04T01:00:00Z'));

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph(), clock });
  householdId = await createHousehold(tester, { gridId: GRID.microA, building: '3栋', unit: '1单元', room: '502' });
});
afterAll(() => tester.close());

const apply = (event: AnyCivicEvent) => applyEvent(tester.models, event);

async function newResident(name: string): Promise<string> {
  return registerResident(tester, { householdId, name });
}

/** A resident's ledger, oldest first: [sequence, amount, balanceAfter, source, reason]. */
async function ledgerOf(residentId: string) {
  const entries = await tester.models.PointsEntry.find({ residentId: new Types.ObjectId(residentId) }).sort({ sequence: 1 }).lean();
  return entries.map((entry) => [entry.sequence, entry.amount, entry.balanceAfter, entry.source, entry.reason]);
}

describe('the residents-points consumer', () => {
  it('is named and listens to the earning events', () => {
    expect([pointsConsumer.name, pointsConsumer.kinds]).toEqual(['residents-points', ['wish.confirmed', 'activity.checkedIn', 'meeting.attended']]);
    expect(residentsSubgraph.consumers).toEqual([pointsConsumer, accessLogConsumer]);
  });

  it('gives each resident who served a confirmed wish the rule’s points, once, however often it is applied', async () => {
    const [first, second] = [await newResident('周海燕'), await newResident('吴国平')];
    const event = wishConfirmed([first, second, first], 4, new Date('2025-05-03T02:00:00Z'));
    await apply(event);
    await apply(event);
    for (const residentId of [first, second]) expect(await ledgerOf(residentId)).toEqual([[1, 8, 8, 'WISH', '完成微心愿（评价4星）']]);
    const entry = (await tester.models.PointsEntry.findOne({ residentId: new Types.ObjectId(first) }).lean())!;
    expect([entry.eventId, entry.eventKind, entry.recordedBy, entry.at, entry.organisationPath.map(String)]).toEqual([
      event.id,
      'wish.confirmed',
      POINTS_CONSUMER_NAME,
      new Date('2025-05-03T02:00:00Z'),
      [ORG.district, ORG.streetA, ORG.communityA],
    ]);
  });

  it('gives a closed account nothing more, and keeps its ledger as it was', async () => {
    const [closing, staying] = [await newResident('钱玉梅'), await newResident('孙建国')];
    await apply(attended(closing, new Date('2025-05-03T02:00:00Z')));
    dataOf(await tester.execute('mutation($id: ID!) { closeResidentAccount(residentId: $id, reason: DECEASED) { status } }', { id: closing }, VIEWERS.communityWorkerA));
    await apply(wishConfirmed([closing, staying], 5, new Date('2025-05-03T03:00:00Z')));
    expect(await ledgerOf(closing)).toEqual([[1, 3, 3, 'MEETING', '参加会议']]);
    expect(await ledgerOf(staying)).toEqual([[1, 10, 10, 'WISH', '完成微心愿（评价5星）']]);
  });

  it('gives points by hours checked in, counting whole half hours', async () => {
    const residentId = await newResident('郭德明');
    await apply(checkedIn(residentId, 1.7, new Date('2025-05-03T02:00:00Z')));
    await apply(checkedIn(residentId, 3, new Date('2025-05-05T02:00:00Z')));
    expect(await ledgerOf(residentId)).toEqual([
      [1, 6, 6, 'ACTIVITY', '参加活动（1.5小时）'],
      [2, 12, 18, 'ACTIVITY', '参加活动（3小时）'],
    ]);
  });

  it('cuts an award at the China day’s cap, records 0 past it, and starts afresh the next China day', async () => {
    const residentId = await newResident('何春花');
    // 3 × 3 h = 36 points against a daily cap of 32, all on 4 May in Beijing (the last at 23:30).
    for (const at of ['2025-05-04T00:00:00Z', '2025-05-04T06:00:00Z', '2025-05-04T15:30:00Z']) await apply(checkedIn(residentId, 3, new Date(at)));
    await apply(checkedIn(residentId, 1, new Date('2025-05-04T15:40:00Z')));
    // 00:10 on 5 May in Beijing, though UTC still says 4 May.
    await apply(checkedIn(residentId, 1, new Date('2025-05-04T16:10:00Z')));
    expect(await ledgerOf(residentId)).toEqual([
      [1, 12, 12, 'ACTIVITY', '参加活动（3小时）'],
      [2, 12, 24, 'ACTIVITY', '参加活动（3小时）'],
      [3, 8, 32, 'ACTIVITY', '参加活动（3小时）；已达上限，计8分'],
      [4, 0, 32, 'ACTIVITY', '参加活动（1小时）；已达上限，计0分'],
      [5, 4, 36, 'ACTIVITY', '参加活动（1小时）'],
    ]);
  });

  it('cuts awards at the month’s cap, each kind of event capped on its own', async () => {
    const residentId = await newResident('林玉梅');
    // Meetings: 3 points each, 6 a day, 30 a month; two a day for six days of June.
    for (let day = 1; day <= 6; day++) {
      for (const hour of [1, 2]) await apply(attended(residentId, new Date(Date.UTC(2025, 5, day, hour))));
    }
    await apply(wishConfirmed([residentId], 5, new Date('2025-06-06T03:00:00Z')));
    await apply(attended(residentId, new Date('2025-07-01T01:00:00Z')));
    const ledger = await ledgerOf(residentId);
    expect(ledger.map(([, amount]) => amount)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 10, 3]);
    expect(ledger.at(-1)).toEqual([14, 3, 43, 'MEETING', '参加会议']);
  });

  it('does not count staff awards of the same source against a cap', async () => {
    const residentId = await newResident('马晓东');
    const award = 'mutation($input: PointsAwardInput!) { awardPoints(input: $input) { amount } }';
    dataOf(await tester.execute(award, { input: { residentId, amount: 100, source: 'ACTIVITY', reason: '年度优秀志愿者' } }, VIEWERS.communityWorkerA));
    await apply(checkedIn(residentId, 2, clock.now()));
    expect((await ledgerOf(residentId)).map(([, amount]) => amount)).toEqual([100, 8]);
  });

  it('parks an event that names an unknown resident, giving no one points', async () => {
    const known = await newResident('高凤英');
    const before = await tester.models.PointsEntry.countDocuments();
    for (const [event, reason] of [
      [wishConfirmed([known, STRANGER_ID], 5, clock.now()), `resident ${STRANGER_ID} is unknown`],
      [attended('not-an-id', clock.now()), 'not-an-id is not a resident id'],
      [wishConfirmed([known], 7, clock.now()), 'the rating must be a whole number of stars from 1 to 5, not 7'],
      [checkedIn(known, -2, clock.now()), 'hours must be a number of 0 or more, not -2'],
    ] as const) {
      const failure = await apply(event).then(() => null, (error: unknown) => error);
      expect(failure).toBeInstanceOf(UnapplicableEvent);
      expect((failure as UnapplicableEvent).reason).toBe(reason);
    }
    expect(await tester.models.PointsEntry.countDocuments()).toBe(before);
  });

  it('applies the rule in force when the event occurred: a change applies to events after it', async () => {
    const residentId = await newResident('罗建国');
    clock.set(new Date('2025-08-10T00:00:00Z'));
    const set = 'mutation($input: PointsRuleInput!) { setPointsRule(input: $input) { points } }';
    dataOf(await tester.execute(set, { input: { event: 'MEETING_ATTENDED', points: 5, dailyCap: 10, monthlyCap: 50 } }, VIEWERS.streetAdminA));
    await apply(attended(residentId, new Date('2025-08-09T23:59:59Z')));
    await apply(attended(residentId, new Date('2025-08-10T00:00:00Z')));
    expect((await ledgerOf(residentId)).map(([, amount]) => amount)).toEqual([3, 5]);
  });

  it('keeps exactly the daily cap of many events applied at once, and each event once, round after round', async () => {
    await repeatRace(async () => {
      const residentId = await newResident('朱丽华');
      const at = new Date('2025-07-15T02:00:00Z');
      const events = Array.from({ length: 6 }, (_, index) => attended(residentId, new Date(at.getTime() + index * 60_000)));
      // Each event twice, all at once: two meetings earn 3 each, the rest 0, every event once.
      await Promise.all([...events, ...events].map(apply));
      const entries = await tester.models.PointsEntry.find({ residentId: new Types.ObjectId(residentId) }).sort({ sequence: 1 }).lean();
      expect(entries.map((entry) => entry.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(entries.map((entry) => entry.eventId))).toEqual(new Set(events.map((event) => event.id)));
      expect(entries.map((entry) => entry.amount).sort()).toEqual([0, 0, 0, 0, 3, 3]);
      expect(entries.at(-1)!.balanceAfter).toBe(6);
    });
  }, RACE_TIMEOUT);
});
