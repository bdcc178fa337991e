import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, COMPLETE, CONFIRM, PUBLISH, REJECT, WishWorld, errorsOf } from './support/wish-world.ts';
import { rangeEndsBeforeStart, readHandlingSheetOutOfScope } from '../src/errors.ts';

// wishStats and the weekly handling sheet on a small known data set, with one clock for the graph.
const HOUR = 3_600_000;
const T0 = new Date('2026-06-01T00:00:00.000Z');
const clock = new ManualClock(T0);
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR).toISOString();
let stack: Stack;
let world: World;
let workerToken: string;
let streetToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  const wishes = new WishWorld(stack, world);
  const gridId = await world.aMicroGrid();
  const requesterToken = await wishes.residentToken(await world.aResident(await world.aHousehold(gridId), { name: '孙玉梅' }));
  const volunteer = await wishes.aVolunteer(gridId);
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  streetToken = await wishes.staffToken('STREET_ADMIN', [world.streetId]);
  const submit = async (key: string, title: string, kind = 'WISH', category = 'PUBLIC_WELFARE') =>
    (ids[key] = (await wishes.submit({ communityId: world.communityId, gridId, title, kind, category, tags: [] }, requesterToken)).id);

  // Hour 0: seven submitted. Hour 1: four published (three requests routed), one rejected, one left waiting.
  for (const [key, title] of [['w1', '帮忙买菜送上门'], ['w2', '陪同去医院复诊'], ['waiting', '想借一台轮椅'], ['rejected', '帮忙代购香烟']]) await submit(key!, title!);
  await submit('q1', '邻里漏水纠纷', 'HELP', 'SELF_GOVERNANCE');
  await submit('q2', '小区门口占道经营', 'HELP', 'GOVERNMENT_AFFAIRS');
  await submit('q3', '门禁系统失灵', 'HELP', 'MARKET_SERVICE');
  clock.advance(HOUR);
  for (const key of ['w1', 'w2', 'q1', 'q2', 'q3']) await wishes.must(PUBLISH, { id: ids[key] }, workerToken);
  await wishes.must(REJECT, { id: ids.rejected, reason: '不属于社区受理范围' }, workerToken);
  const walk: [number, () => Promise<unknown>][] = [
    [25, () => wishes.must(CLAIM, { id: ids.w1 }, volunteer.token)],
    [31, () => wishes.must(CLAIM, { id: ids.w2 }, volunteer.token)],
    [49, () => wishes.must(COMPLETE, { id: ids.w1 }, volunteer.token)],
    [49, () => wishes.must(COMPLETE, { id: ids.q1, note: '已协调双方' }, workerToken)],
    [51, () => wishes.must(CONFIRM, { id: ids.w1, rating: 5 }, requesterToken)],
    [51, () => wishes.must(CONFIRM, { id: ids.q1, rating: 4 }, requesterToken)],
    [73, () => wishes.must(COMPLETE, { id: ids.w2 }, volunteer.token)],
    // Past its resolve deadline (hour 1 + 7 days = hour 169), in the second week.
    [201, () => wishes.must(COMPLETE, { id: ids.q2, note: '摊点已清理' }, streetToken)],
  ];
  for (const [hour, step] of walk) {
    clock.advance(new Date(at(hour)).getTime() - clock.now().getTime());
    await step();
  }
}, 120_000);

afterAll(() => stack.stop());

const STATS = `query($input: WishStatsInput!){ wishStats(input: $input) {
  total byStatus { status count } byCategory { category count } medianHoursToClaim medianHoursToResolve onTimeRate meanRating } }`;

it('counts, times and rates the wishes of a community or its street for a period', async () => {
  const expected = {
    total: 7,
    byStatus: [
      { status: 'SUBMITTED', count: 1 },
      { status: 'REJECTED', count: 1 },
      { status: 'ROUTED', count: 1 },
      { status: 'FULFILLED', count: 1 },
      { status: 'RESOLVED', count: 1 },
      { status: 'CONFIRMED', count: 2 },
    ],
    byCategory: [
      { category: 'GOVERNMENT_AFFAIRS', count: 1 },
      { category: 'SELF_GOVERNANCE', count: 1 },
      { category: 'MARKET_SERVICE', count: 1 },
      { category: 'PUBLIC_WELFARE', count: 4 },
    ],
    // Claims 24 and 30 hours after publication; completions 49, 49, 73 and 201 hours after submission.
    medianHoursToClaim: 27,
    medianHoursToResolve: 61,
    // Of the two resolved requests, one by its deadline.
    onTimeRate: 0.5,
    meanRating: 4.5,
  };
  const week = { from: at(0), to: at(7 * 24) };
  expect((await stack.query(STATS, { input: { organisationId: world.communityId, ...week } }, { token: workerToken })).data).toEqual({ wishStats: expected });
  expect((await stack.query(STATS, { input: { organisationId: world.streetId, ...week } }, { token: streetToken })).data).toEqual({ wishStats: expected });
  const later = await stack.query(STATS, { input: { organisationId: world.communityId, from: at(7 * 24), to: at(14 * 24) } }, { token: workerToken });
  expect(later.data).toEqual({
    wishStats: { total: 0, byStatus: [], byCategory: [], medianHoursToClaim: null, medianHoursToResolve: null, onTimeRate: null, meanRating: null },
  });
  const backwards = await stack.query(STATS, { input: { organisationId: world.communityId, from: at(24), to: at(0) } }, { token: workerToken });
  expect(errorsOf(backwards.errors)).toEqual([summaryOf(rangeEndsBeforeStart())]);
});

it('sheets the requests unresolved at the end of each week, grouped by handler, with age and deadline', async () => {
  const SHEET = `query($org: ID!, $week: DateTime!){ handlingSheet(organisationId: $org, weekStart: $week) {
    weekStart weekEnd groups { handler { id } rows { wish { id } ageHours resolveDeadline overdue } } } }`;
  const firstWeek = await stack.query(SHEET, { org: world.communityId, week: at(0) }, { token: workerToken });
  // q2 was resolved in the second week, so it was open at the end of the first; q1 was resolved in it.
  expect(firstWeek.data).toEqual({
    handlingSheet: {
      weekStart: at(0),
      weekEnd: at(168),
      groups: [
        { handler: { id: world.streetId }, rows: [{ wish: { id: ids.q2 }, ageHours: 168, resolveDeadline: at(169), overdue: false }] },
        { handler: { id: world.communityId }, rows: [{ wish: { id: ids.q3 }, ageHours: 168, resolveDeadline: at(73), overdue: true }] },
      ],
    },
  });
  const secondWeek = await stack.query(SHEET, { org: world.communityId, week: at(168) }, { token: workerToken });
  // Now (hour 201) is before that week's end: ages count to now.
  expect(secondWeek.data).toEqual({
    handlingSheet: {
      weekStart: at(168),
      weekEnd: at(336),
      groups: [{ handler: { id: world.communityId }, rows: [{ wish: { id: ids.q3 }, ageHours: 201, resolveDeadline: at(73), overdue: true }] }],
    },
  });
  const resident = await stack.query(SHEET, { org: world.communityId, week: at(0) }, { token: await stack.token({ roles: ['RESIDENT'], residentId: '650000000000000000000009' }) });
  expect(errorsOf(resident.errors)).toEqual([summaryOf(readHandlingSheetOutOfScope())]);
});
