import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, invalidInput, notAnId, unknownId } from '@civic/service-kit';
import { aWorld, startStack, OutboxReader, summaryOf, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { ACKNOWLEDGE, CLAIM, COMPLETE, FULFIL, PUBLISH, READ, REOPEN, RESOLVE, START, WishWorld, errorsOf, type WishView } from './support/wish-world.ts';
import { fulfilWishOfAnotherClaimant, stepOfOtherKind } from '../src/errors.ts';
import { outcomeEmpty, partnerRepeated, quantityAmountOutOfRange, quantityUnitLength, beneficiaryCountOutOfRange } from '../src/domain/outcome.ts';

// Fulfilling and resolving under names that say which, with what was achieved; the old names still work.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = new ManualClock(new Date('2026-06-01T01:00:00.000Z'));
const OUTCOME = `outcome { quantities { item amount unit } beneficiaries { households persons } partners { id } daysTaken recordedAt }`;
const READ_OUTCOME = `query($id: ID!){ wish(id: $id) { status requester { id } ${OUTCOME} } }`;
let stack: Stack;
let world: World;
let wishes: WishWorld;
let outbox: OutboxReader;
let gridId: string;
let workerToken: string;
let requesterId: string;
let requesterToken: string;
let branchToken: string;
let memberId: string;
let committeeId: string;
let committeeToken: string;
let canteens: string[];

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  outbox = new OutboxReader(stack, 'wishes');
  gridId = await world.aMicroGrid();
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  requesterId = await world.aResident(await world.aHousehold(gridId), { name: '赵桂兰' });
  requesterToken = await wishes.residentToken(requesterId);
  branchToken = await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]);
  memberId = await wishes.aBranchMember(gridId);
  committeeId = await wishes.anOrganisation('新城社区居委会', 'RESIDENTS_COMMITTEE', world.communityId);
  committeeToken = await wishes.staffToken('COMMUNITY_WORKER', [committeeId]);
  canteens = [];
  for (let n = 1; n <= 13; n += 1) canteens.push(await wishes.anOrganisation(`爱心食堂${n}号`, 'MERCHANT', world.streetId));
}, 180_000);

afterAll(() => stack.stop());

async function aWishClaimedByTheBranch(title: string): Promise<WishView> {
  const submitted = await wishes.submit({ communityId: world.communityId, gridId, title }, requesterToken);
  await wishes.must(PUBLISH, { id: submitted.id }, workerToken);
  return wishes.must(CLAIM, { id: submitted.id, org: world.branchId }, branchToken);
}

/** A self-governance request, routed by the rules table to the residents' committee. */
async function aRoutedRequest(title: string): Promise<WishView> {
  const submitted = await wishes.submit({ kind: 'HELP', category: 'SELF_GOVERNANCE', title, tags: [], communityId: world.communityId, gridId }, requesterToken);
  return wishes.must(PUBLISH, { id: submitted.id }, workerToken);
}

async function readOutcome(id: string, token?: string) {
  const response = await stack.query<{ wish: { status: string; requester: { id: string } | null; outcome: unknown } }>(READ_OUTCOME, { id }, token ? { token } : {});
  expect(response.errors).toEqual([]);
  return response.data!.wish;
}

describe('fulfilWish with an outcome', () => {
  it('records 7000 斤 of vegetables sold through 13 canteens in 5 days for one household, shown to every reader of the wish', async () => {
    const claimed = await aWishClaimedByTheBranch('滞销蔬菜帮卖');
    await wishes.must(START, { id: claimed.id }, branchToken);
    clock.advance(5 * DAY + 7 * HOUR);
    await outbox.newEvents();

    const outcome = { quantities: [{ item: ' 蔬菜 ', amount: 7000, unit: '斤' }], beneficiaries: { households: 1 }, partnerIds: canteens };
    const fulfilled = await wishes.must(FULFIL, { id: claimed.id, note: '通过13家爱心食堂5天售出', servedBy: [memberId], outcome }, branchToken, 'req-outcome');
    expect([fulfilled.status, fulfilled.timeline.at(-1)]).toEqual(['FULFILLED', { action: 'FULFIL', status: 'FULFILLED', note: '通过13家爱心食堂5天售出' }]);

    const shown = {
      quantities: [{ item: '蔬菜', amount: 7000, unit: '斤' }],
      beneficiaries: { households: 1, persons: null },
      partners: canteens.map((id) => ({ id })),
      daysTaken: 5,
      recordedAt: clock.now().toISOString(),
    };
    // The outcome names no resident: the requester reads it, and so does anyone who reads the wish with its requester masked.
    const bystanderToken = await wishes.residentToken(await world.aResident(await world.aHousehold(gridId), { name: '孙建华' }));
    expect([await readOutcome(claimed.id, requesterToken), await readOutcome(claimed.id, bystanderToken), await readOutcome(claimed.id)]).toEqual([
      { status: 'FULFILLED', requester: { id: requesterId }, outcome: shown },
      { status: 'FULFILLED', requester: null, outcome: shown },
      { status: 'FULFILLED', requester: null, outcome: shown },
    ]);
    const names = await stack.query<{ wish: { outcome: { partners: { name: string }[] } } }>('query($id: ID!){ wish(id: $id) { outcome { partners { name } } } }', { id: claimed.id });
    expect(names.data!.wish.outcome.partners.map((partner) => partner.name)).toEqual(Array.from({ length: 13 }, (_, n) => `爱心食堂${n + 1}号`));

    const events = await outbox.newEvents();
    expect(events.map((event) => [event.kind, event.facts])).toEqual([
      [
        'wish.fulfilled',
        {
          wishId: claimed.id,
          requesterId,
          claimant: { type: 'Organisation', id: world.branchId },
          servedBy: [memberId],
          outcome: { quantityCount: 1, beneficiaries: { households: 1, persons: null }, partnerIds: canteens, daysTaken: 5, recordedAt: clock.now().toISOString() },
        },
      ],
    ]);

    const exported = await stack.query<{ exportMyData: { wishes: { requested: { id: string; outcome: unknown }[] } } }>('{ exportMyData { wishes } }', {}, { token: requesterToken });
    expect(exported.data!.exportMyData.wishes.requested.find((wish) => wish.id === claimed.id)!.outcome).toEqual({
      quantities: [{ item: '蔬菜', amount: 7000, unit: '斤' }],
      beneficiaries: { households: 1, persons: null },
      partnerIds: canteens,
      daysTaken: 5,
      recordedAt: clock.now().toISOString(),
    });

    // Reopened, the wish is no longer fulfilled: its outcome goes until it is fulfilled again.
    await wishes.must(REOPEN, { id: claimed.id, reason: '还有一户没有送到' }, requesterToken);
    expect((await readOutcome(claimed.id, requesterToken)).outcome).toBe(null);
  });

  it('refuses a bad amount, an unknown or repeated partner, an empty outcome, and writes nothing', async () => {
    const claimed = await aWishClaimedByTheBranch('帮忙义卖手工艺品');
    await outbox.newEvents();
    const unknownCanteen = '650000000000000000000abc';
    const fulfil = (outcome: Record<string, unknown>) => wishes.act(FULFIL, { id: claimed.id, servedBy: [memberId], outcome }, branchToken);
    const refusals = [
      await fulfil({ quantities: [{ item: '手工艺品', amount: 0, unit: '件' }] }),
      await fulfil({ quantities: [{ item: '蔬菜', amount: 10, unit: '斤' }, { item: '手工艺品', amount: -2, unit: '件' }] }),
      await fulfil({ quantities: [{ item: '手工艺品', amount: 5, unit: '' }] }),
      await fulfil({ partnerIds: [canteens[0], canteens[1], canteens[2], unknownCanteen] }),
      await fulfil({ partnerIds: [canteens[0], 'canteen'] }),
      await fulfil({ partnerIds: [canteens[0], canteens[0]] }),
      await fulfil({ beneficiaries: { persons: -1 } }),
      await fulfil({}),
    ];
    expect(refusals.map((refusal) => errorsOf(refusal.errors))).toEqual([
      [summaryOf(invalidInput(quantityAmountOutOfRange(0)))],
      [summaryOf(invalidInput(quantityAmountOutOfRange(1)))],
      [summaryOf(invalidInput(quantityUnitLength(0)))],
      [summaryOf(unknownId('outcome.partnerIds[3]', 'organisation'))],
      [summaryOf(notAnId('outcome.partnerIds[1]'))],
      [summaryOf(invalidInput(partnerRepeated(1)))],
      [summaryOf(invalidInput(beneficiaryCountOutOfRange('persons')))],
      [summaryOf(invalidInput(outcomeEmpty()))],
    ]);
    const after = await wishes.must(READ, { id: claimed.id }, requesterToken);
    expect([after.status, after.timeline.at(-1)!.action, (await readOutcome(claimed.id, requesterToken)).outcome]).toEqual(['CLAIMED', 'CLAIM', null]);
    expect(await outbox.newEvents()).toEqual([]);
  });
});

describe('acknowledgeRequest and resolveRequest', () => {
  it('take up and resolve a request with its outcome, counting days from the routing', async () => {
    const routed = await aRoutedRequest('楼道堆放杂物');
    clock.advance(3 * HOUR);
    const acknowledged = await wishes.must(ACKNOWLEDGE, { id: routed.id }, committeeToken);
    expect([acknowledged.status, acknowledged.timeline.at(-1)!.action]).toEqual(['IN_SERVICE', 'ACKNOWLEDGE']);
    clock.advance(2 * DAY);
    await outbox.newEvents();

    const outcome = { quantities: [{ item: '清运杂物', amount: 3, unit: '车' }], beneficiaries: { households: 24, persons: 61 }, partnerIds: [committeeId] };
    const resolved = await wishes.must(RESOLVE, { id: routed.id, note: '已清运', outcome }, committeeToken, 'req-resolve');
    expect([resolved.status, resolved.timeline.at(-1)]).toEqual(['RESOLVED', { action: 'RESOLVE', status: 'RESOLVED', note: '已清运' }]);
    const recorded = { quantities: [{ item: '清运杂物', amount: 3, unit: '车' }], beneficiaries: { households: 24, persons: 61 }, daysTaken: 2, recordedAt: clock.now().toISOString() };
    expect((await readOutcome(routed.id, committeeToken)).outcome).toEqual({ ...recorded, partners: [{ id: committeeId }] });
    expect((await outbox.newEvents()).map((event) => [event.kind, event.facts])).toEqual([
      ['request.resolved', { wishId: routed.id, requesterId, handlerId: committeeId, outcome: { quantityCount: 1, beneficiaries: recorded.beneficiaries, partnerIds: [committeeId], daysTaken: 2, recordedAt: recorded.recordedAt } }],
    ]);
  });

  it("refuse the other kind with INVALID_TRANSITION to its claimant or handler, anyone else as the wish's kind does, writing nothing", async () => {
    const claimed = await aWishClaimedByTheBranch('帮忙修理轮椅');
    const routed = await aRoutedRequest('小区路灯不亮');
    await outbox.newEvents();
    const refusals = [
      await wishes.act(ACKNOWLEDGE, { id: claimed.id }, branchToken),
      await wishes.act(RESOLVE, { id: claimed.id }, branchToken),
      await wishes.act(FULFIL, { id: routed.id }, committeeToken),
      await wishes.act(RESOLVE, { id: claimed.id }, committeeToken),
    ];
    expect(refusals.map((refusal) => errorsOf(refusal.errors))).toEqual([
      [summaryOf(stepOfOtherKind('WISH', 'CLAIMED', 'ACKNOWLEDGE'))],
      [summaryOf(stepOfOtherKind('WISH', 'CLAIMED', 'RESOLVE'))],
      [summaryOf(stepOfOtherKind('HELP', 'ROUTED', 'FULFIL'))],
      [summaryOf(fulfilWishOfAnotherClaimant())],
    ]);
    const [wishAfter, requestAfter] = [await wishes.must(READ, { id: claimed.id }, requesterToken), await wishes.must(READ, { id: routed.id }, requesterToken)];
    expect([wishAfter.status, wishAfter.timeline.length, requestAfter.status, requestAfter.timeline.length]).toEqual(['CLAIMED', 3, 'ROUTED', 3]);
    expect(await outbox.newEvents()).toEqual([]);
  });
});

describe('the deprecated names, for one release', () => {
  it('startWishService acknowledges a request, and completeWish resolves a request and fulfils a wish with its outcome', async () => {
    const routed = await aRoutedRequest('咨询老年卡办理');
    const acknowledged = await wishes.must(START, { id: routed.id }, committeeToken);
    const resolved = await wishes.must(COMPLETE, { id: routed.id, note: '已电话答复' }, committeeToken);
    expect([acknowledged.timeline.at(-1)!.action, resolved.status, resolved.timeline.at(-1)!.action]).toEqual(['ACKNOWLEDGE', 'RESOLVED', 'RESOLVE']);

    const claimed = await aWishClaimedByTheBranch('帮忙送米送油');
    clock.advance(DAY);
    const fulfilled = await wishes.must(COMPLETE, { id: claimed.id, servedBy: [memberId], outcome: { quantities: [{ item: '大米', amount: 50, unit: 'kg' }] } }, branchToken);
    expect([fulfilled.status, fulfilled.timeline.at(-1)!.action]).toEqual(['FULFILLED', 'FULFIL']);
    expect((await readOutcome(claimed.id, requesterToken)).outcome).toEqual({
      quantities: [{ item: '大米', amount: 50, unit: 'kg' }],
      beneficiaries: null,
      partners: [],
      daysTaken: 1,
      recordedAt: clock.now().toISOString(),
    });
  });
});
