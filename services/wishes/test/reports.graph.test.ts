import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock, notAMonth, periodEndsBeforeStart, periodTooLong } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, CONFIRM, FULFIL, PUBLISH, REJECT, RESOLVE, WishWorld, errorsOf } from './support/wish-world.ts';
import { readHandlingSheetOutOfScope } from '../src/errors.ts';

// wishStats and the weekly handling sheet on a small known data set, with one clock for the graph;
// wishStats' published figures are in wish-stats.graph.test.ts.
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
    [49, () => wishes.must(FULFIL, { id: ids.w1 }, volunteer.token)],
    [49, () => wishes.must(RESOLVE, { id: ids.q1, note: '已协调双方' }, workerToken)],
    [51, () => wishes.must(CONFIRM, { id: ids.w1, rating: 5 }, requesterToken)],
    [51, () => wishes.must(CONFIRM, { id: ids.q1, rating: 4 }, requesterToken)],
    [73, () => wishes.must(FULFIL, { id: ids.w2 }, volunteer.token)],
    // Past its resolve deadline (hour 1 + 7 days = hour 169), in the second week.
    [201, () => wishes.must(RESOLVE, { id: ids.q2, note: '摊点已清理' }, streetToken)],
  ];
  for (const [hour, step] of walk) {
    clock.advance(new Date(at(hour)).getTime() - clock.now().getTime());
    await step();
  }
}, 120_000);

afterAll(() => stack.stop());

const STATS = `query($input: WishStatsInput!){ wishStats(input: $input) {
  total byStatus { status count } byCategory { category count } medianHoursToClaim medianHoursToResolve onTimeRate meanRating minimumGroupSize withheldCells } }`;

it("withholds one requester's wishes: every cell of community, month, status and category holds one person", async () => {
  // Seven wishes of 孙玉梅 in June 2026 (China time) fall in seven cells: (CONFIRMED, PUBLIC_WELFARE),
  // (FULFILLED, PUBLIC_WELFARE), (SUBMITTED, PUBLIC_WELFARE), (REJECTED, PUBLIC_WELFARE),
  // (CONFIRMED, SELF_GOVERNANCE), (RESOLVED, GOVERNMENT_AFFAIRS), (ROUTED, MARKET_SERVICE).
  const withheld = { total: 0, byStatus: [], byCategory: [], medianHoursToClaim: null, medianHoursToResolve: null, onTimeRate: null, meanRating: null, minimumGroupSize: 5, withheldCells: 7 };
  const june = { from: '2026-06', to: '2026-06' };
  expect((await stack.query(STATS, { input: { organisationId: world.communityId, ...june } }, { token: workerToken })).data).toEqual({ wishStats: withheld });
  expect((await stack.query(STATS, { input: { organisationId: world.streetId, ...june } }, { token: streetToken })).data).toEqual({ wishStats: withheld });
  const july = await stack.query(STATS, { input: { organisationId: world.communityId, from: '2026-07', to: '2026-07' } }, { token: workerToken });
  expect(july.data).toEqual({ wishStats: { ...withheld, withheldCells: 0 } });
  const backwards = await stack.query(STATS, { input: { organisationId: world.communityId, from: '2026-07', to: '2026-06' } }, { token: workerToken });
  expect(errorsOf(backwards.errors)).toEqual([summaryOf(periodEndsBeforeStart('input.to'))]);
  const tooLong = await stack.query(STATS, { input: { organisationId: world.communityId, from: '2023-06', to: '2026-06' } }, { token: workerToken });
  expect(errorsOf(tooLong.errors)).toEqual([summaryOf(periodTooLong('input.to'))]);
  const instant = await stack.query(STATS, { input: { organisationId: world.communityId, from: at(0), to: '2026-06' } }, { token: workerToken });
  expect(errorsOf(instant.errors)).toEqual([summaryOf(notAMonth('input.from'))]);
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
