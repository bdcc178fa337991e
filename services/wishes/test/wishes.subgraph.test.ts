import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { createSubgraphTester, RACE_TIMEOUT, repeatRace, type SubgraphTester, summaryOf } from '@civic/test-harness';
import { wishesSubgraph } from '@civic/wishes';
import type { Models } from '../src/models/index.ts';
import { graph, TREE, viewers } from './support/fixed-tree.ts';
import { CLAIM_REFUSALS } from './support/claim-refusals.ts';
import { wishStepNotAllowed } from '../src/errors.ts';

// The subgraph alone, on a real database, with the rest of the graph answered by a fake.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-05-04T01:00:00.000Z'));
let tester: SubgraphTester<Models>;

const SUBMIT = 'mutation($input: SubmitWishInput!){ submitWish(input: $input) { id status } }';
const ACT = (mutation: string) => `mutation($id: ID!){ ${mutation}(id: $id) { id status } }`;
const WISH = 'query($id: ID!){ wish(id: $id) { status handler { id } handlingLevel feedback { automatic rating } timeline { action status } } }';

beforeAll(async () => {
  tester = await createSubgraphTester(wishesSubgraph, { clock, graph });
});

afterAll(() => tester.close());

async function aPublished(kind: string, category: string): Promise<string> {
  const input = { kind, category, title: '楼道灯坏了', description: '5栋1单元楼道灯不亮，晚上老人上下楼不安全', channel: 'HOTLINE', communityId: TREE.community, gridId: TREE.grid };
  const submitted = await tester.execute(SUBMIT, { input }, viewers.requester);
  const id = (submitted.data!.submitWish as { id: string }).id;
  const published = await tester.execute(ACT('publishWish'), { id }, viewers.worker);
  expect(published.errors).toEqual([]);
  return id;
}

it('lets exactly one of 20 concurrent claims win and records that one, round after round', async () => {
  const claim = 'mutation($id: ID!){ claimWish(id: $id) { claimant { ... on Resident { id } } } }';
  await repeatRace(async () => {
    const id = await aPublished('WISH', 'PUBLIC_WELFARE');
    clock.advance(25 * HOUR);
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => tester.execute(claim, { id }, viewers.volunteer(n))));
    const winners = results.flatMap((result, n) => (result.errors.length === 0 ? [n] : []));
    expect(winners.length).toBe(1);
    const refusals = results.flatMap((result) => result.errors.map(summaryOf));
    expect(refusals.length).toBe(19);
    for (const refusal of refusals) expect(CLAIM_REFUSALS).toContainEqual(refusal);
    const stored = await tester.models.Wish.findById(id).lean();
    expect([stored!.status, stored!.claimantId!.toHexString(), stored!.version, stored!.timeline.filter((entry) => entry.action === 'CLAIM').length]).toEqual([
      'CLAIMED',
      viewers.volunteer(winners[0]!).residentId,
      2,
      1,
    ]);
  });
}, RACE_TIMEOUT);

it('escalates an overdue request community → street → district, once per run, then stops', async () => {
  const id = await aPublished('HELP', 'SELF_GOVERNANCE');
  const sweep = (at: Date) => tester.execute('mutation($at: DateTime){ runDeadlineSweep(at: $at) { escalated } }', { at: at.toISOString() }, viewers.sweeper);
  const levels: unknown[] = [];
  for (let step = 0; step < 4; step++) {
    clock.advance(25 * HOUR);
    const first = await sweep(clock.now());
    const repeat = await sweep(clock.now());
    const wish = (await tester.execute(WISH, { id }, viewers.worker)).data!.wish as { handler: { id: string }; handlingLevel: string };
    levels.push([(first.data!.runDeadlineSweep as { escalated: number }).escalated, (repeat.data!.runDeadlineSweep as { escalated: number }).escalated, wish.handlingLevel, wish.handler.id]);
  }
  expect(levels).toEqual([
    [1, 0, 'STREET', TREE.street],
    [1, 0, 'DISTRICT', TREE.district],
    [0, 0, 'DISTRICT', TREE.district],
    [0, 0, 'DISTRICT', TREE.district],
  ]);
  const notifications = await tester.models.WishNotification.find({ wishId: id }).sort({ createdAt: 1 }).lean();
  expect(notifications.map((notification) => notification.recipientId.toHexString())).toEqual([TREE.street, TREE.district]);
});

it('confirms a fulfilled wish automatically after 7 silent days, marked as such', async () => {
  const id = await aPublished('WISH', 'PUBLIC_WELFARE');
  clock.advance(25 * HOUR);
  const volunteer = viewers.volunteer(99);
  for (const mutation of ['claimWish', 'fulfilWish']) expect((await tester.execute(ACT(mutation), { id }, volunteer)).errors).toEqual([]);
  clock.advance(7 * 24 * HOUR - 1);
  await tester.execute('mutation{ runDeadlineSweep { autoConfirmed } }', {}, viewers.sweeper);
  expect(((await tester.execute(WISH, { id }, viewers.worker)).data!.wish as { status: string }).status).toBe('FULFILLED');
  clock.advance(1);
  const swept = await tester.execute('mutation{ runDeadlineSweep { autoConfirmed } }', {}, viewers.sweeper);
  expect(swept.data!.runDeadlineSweep).toEqual({ autoConfirmed: 1 });
  const wish = (await tester.execute(WISH, { id }, viewers.requester)).data!.wish as { status: string; feedback: unknown; timeline: { action: string }[] };
  expect([wish.status, wish.feedback, wish.timeline.at(-1)]).toEqual(['CONFIRMED', { automatic: true, rating: null }, { action: 'AUTO_CONFIRM', status: 'CONFIRMED' }]);
});

it('answers INVALID_TRANSITION and changes nothing for a move the state machine forbids', async () => {
  const id = await aPublished('WISH', 'PUBLIC_WELFARE');
  const before = await tester.models.Wish.findById(id).lean();
  const result = await tester.execute(ACT('withdrawWish'), { id }, viewers.requester);
  expect(result.errors).toEqual([]);
  const again = await tester.execute(ACT('withdrawWish'), { id }, viewers.requester);
  expect(again.errors.map(summaryOf)).toEqual([summaryOf(wishStepNotAllowed('WITHDRAWN', 'WITHDRAW'))]);
  const after = await tester.models.Wish.findById(id).lean();
  expect([before!.version, after!.version, after!.timeline.length]).toEqual([1, 2, 3]);
});

it('hides unpublished wishes and requesters from others, and shows nothing personal to anonymous callers', async () => {
  const input = { kind: 'WISH', category: 'PUBLIC_WELFARE', title: '想学用智能手机', description: '想请志愿者教我用手机挂号', channel: 'APP', communityId: TREE.community, gridId: TREE.grid };
  const id = ((await tester.execute(SUBMIT, { input }, viewers.requester)).data!.submitWish as { id: string }).id;
  const read = 'query($id: ID!){ wish(id: $id) { requester { id } } }';
  expect((await tester.execute(read, { id })).data).toEqual({ wish: null });
  expect((await tester.execute(read, { id }, viewers.requester)).data).toEqual({ wish: { requester: { id: TREE.requester } } });
  await tester.execute(ACT('publishWish'), { id }, viewers.worker);
  expect((await tester.execute(read, { id })).data).toEqual({ wish: { requester: null } });
  expect((await tester.execute(read, { id }, viewers.volunteer(7))).data).toEqual({ wish: { requester: null } });
});
