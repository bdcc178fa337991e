import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, invalidInput, unknownId } from '@civic/service-kit';
import { aWorld, startStack, OutboxReader, summaryOf, type RecordedEvent, type Stack, type World } from '@civic/test-harness';
import type { EventFacts, EventKind } from '@civic/events';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, CLOSE_ORDER, CONFIRM, DISPATCH, FULFIL, HAND_BACK, PUBLISH, REASSIGN, REOPEN, START, WishWorld, errorsOf, type WishView } from './support/wish-world.ts';
import { claimOutsideWindow } from '../src/errors.ts';
import { servedByCountOutOfRange, servedByMissing, servedByNonMember, servedByNotNamed, servedByRepeated } from '../src/domain/serving.ts';

// Every event the wishes department publishes, as its outbox holds it after the step that caused it.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-05-04T01:00:00.000Z'));
const SWEEP = 'mutation($at: DateTime){ runDeadlineSweep(at: $at) { deadlineNotices escalated autoConfirmed } }';
let stack: Stack;
let world: World;
let wishes: WishWorld;
let outbox: OutboxReader;
let gridId: string;
let workerToken: string;
let sweeperToken: string;
let requesterId: string;
let requesterToken: string;
let volunteer: { id: string; token: string };
let committeeId: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  outbox = new OutboxReader(stack, 'wishes');
  gridId = await world.aMicroGrid();
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  sweeperToken = await stack.token({ roles: ['DISTRICT_ADMIN'], scope: [world.districtId] });
  requesterId = await world.aResident(await world.aHousehold(gridId), { name: '王秀英' });
  requesterToken = await wishes.residentToken(requesterId);
  volunteer = await wishes.aVolunteer(gridId);
  committeeId = await wishes.anOrganisation('新城社区居委会', 'RESIDENTS_COMMITTEE', world.communityId);
}, 120_000);

afterAll(() => stack.stop());

function event<K extends EventKind>(kind: K, facts: EventFacts[K], requestId: string | null, at = clock.now()): RecordedEvent {
  return { kind, source: 'wishes', occurredAt: at.toISOString(), requestId, facts } as RecordedEvent;
}

async function aPublishedWish(title: string): Promise<WishView> {
  const submitted = await wishes.submit({ communityId: world.communityId, gridId, title }, requesterToken);
  return wishes.must(PUBLISH, { id: submitted.id }, workerToken);
}

async function sweep(at: Date, requestId: string) {
  const response = await stack.query<{ runDeadlineSweep: { deadlineNotices: number; escalated: number; autoConfirmed: number } }>(SWEEP, { at: at.toISOString() }, { token: sweeperToken, requestId });
  expect(response.errors).toEqual([]);
  return response.data!.runDeadlineSweep;
}

describe('a micro-wish a volunteer serves', () => {
  it('publishes each step once, with the request that caused it, and nothing for a refused step', async () => {
    const submitted = await wishes.submit({ communityId: world.communityId, gridId, title: '帮忙买菜送上门' }, requesterToken);
    expect(await outbox.newEvents()).toEqual([]);
    const wish = { wishId: submitted.id, requesterId };

    await wishes.must(PUBLISH, { id: submitted.id }, workerToken, 'req-publish');
    expect(await outbox.newEvents()).toEqual([event('wish.published', { ...wish, communityId: world.communityId, gridId }, 'req-publish')]);

    // Refused: the volunteer is too early for the community window.
    const early = await wishes.act(CLAIM, { id: submitted.id }, volunteer.token);
    expect(errorsOf(early.errors)).toEqual([summaryOf(claimOutsideWindow('GRID'))]);
    expect(await outbox.newEvents()).toEqual([]);

    clock.advance(25 * HOUR);
    const claimant = { type: 'Resident' as const, id: volunteer.id };
    await wishes.must(CLAIM, { id: submitted.id }, volunteer.token, 'req-claim');
    expect(await outbox.newEvents()).toEqual([event('wish.claimed', { ...wish, claimant, communityId: world.communityId }, 'req-claim')]);
    await wishes.must(START, { id: submitted.id }, volunteer.token);
    expect(await outbox.newEvents()).toEqual([]);

    // A resident who claimed served the wish themself: naming others is refused, and writes nothing.
    const named = await wishes.act(FULFIL, { id: submitted.id, servedBy: [requesterId] }, volunteer.token);
    expect(errorsOf(named.errors)).toEqual([summaryOf(invalidInput(servedByNotNamed()))]);
    expect(await outbox.newEvents()).toEqual([]);

    clock.advance(2 * HOUR);
    await wishes.must(FULFIL, { id: submitted.id, note: '已送到家中' }, volunteer.token, 'req-fulfil');
    expect(await outbox.newEvents()).toEqual([event('wish.fulfilled', { ...wish, claimant, servedBy: [volunteer.id], outcome: null }, 'req-fulfil')]);

    const badRating = await wishes.act(CONFIRM, { id: submitted.id, rating: 6 }, requesterToken);
    expect(badRating.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await outbox.newEvents()).toEqual([]);

    await wishes.must(CONFIRM, { id: submitted.id, rating: 5, comment: '谢谢！' }, requesterToken, 'req-confirm');
    expect(await outbox.newEvents()).toEqual([
      event('wish.confirmed', { ...wish, claimant, servedBy: [volunteer.id], rating: 5, automatic: false, communityId: world.communityId }, 'req-confirm'),
    ]);
  });

  it('hands back, and reopens when the requester says it is not done', async () => {
    const published = await aPublishedWish('陪同去医院复诊');
    clock.advance(25 * HOUR);
    const wish = { wishId: published.id, requesterId };
    const claimant = { type: 'Resident' as const, id: volunteer.id };
    await wishes.must(CLAIM, { id: published.id }, volunteer.token);
    await outbox.newEvents();

    await wishes.must(HAND_BACK, { id: published.id, reason: '临时出差' }, volunteer.token, 'req-hand-back');
    expect(await outbox.newEvents()).toEqual([event('wish.handedBack', { ...wish, claimant }, 'req-hand-back')]);

    // Handed back, the wish opens afresh: the volunteer's window comes a day later again.
    clock.advance(25 * HOUR);
    await wishes.must(CLAIM, { id: published.id }, volunteer.token);
    await wishes.must(FULFIL, { id: published.id }, volunteer.token);
    await outbox.newEvents();
    await wishes.must(REOPEN, { id: published.id, reason: '还没有陪同' }, requesterToken, 'req-reopen');
    expect(await outbox.newEvents()).toEqual([event('wish.reopened', { ...wish, previousClaimant: claimant, handlerId: null }, 'req-reopen')]);
  });
});

describe("an organisation's claim", () => {
  it('names the members who served, checked, and carries them into the automatic confirmation', async () => {
    const memberId = await wishes.aBranchMember(gridId);
    const outsiderId = await world.aResident(await world.aHousehold(gridId), { name: '张丽华' });
    const branchToken = await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]);
    const published = await aPublishedWish('修理楼道灯');
    const wish = { wishId: published.id, requesterId };
    const claimant = { type: 'Organisation' as const, id: world.branchId };
    await wishes.must(CLAIM, { id: published.id, org: world.branchId }, branchToken);
    await outbox.newEvents();

    const unknownResident = '64b000000000000000000001';
    const refusals = [
      await wishes.act(FULFIL, { id: published.id }, branchToken),
      await wishes.act(FULFIL, { id: published.id, servedBy: [] }, branchToken),
      await wishes.act(FULFIL, { id: published.id, servedBy: Array.from({ length: 21 }, (_, n) => `64b0000000000000000001${String(n).padStart(2, '0')}`) }, branchToken),
      await wishes.act(FULFIL, { id: published.id, servedBy: [memberId, memberId] }, branchToken),
      await wishes.act(FULFIL, { id: published.id, servedBy: [memberId, outsiderId] }, branchToken),
      await wishes.act(FULFIL, { id: published.id, servedBy: [unknownResident] }, branchToken),
    ];
    expect(refusals.map((refusal) => errorsOf(refusal.errors))).toEqual([
      [summaryOf(invalidInput(servedByMissing()))],
      [summaryOf(invalidInput(servedByCountOutOfRange()))],
      [summaryOf(invalidInput(servedByCountOutOfRange()))],
      [summaryOf(invalidInput(servedByRepeated(1)))],
      [summaryOf(invalidInput(servedByNonMember(1)))],
      [summaryOf(unknownId('servedBy[0]', 'resident'))],
    ]);
    expect(await outbox.newEvents()).toEqual([]);

    await wishes.must(FULFIL, { id: published.id, servedBy: [memberId] }, branchToken, 'req-fulfil-org');
    expect(await outbox.newEvents()).toEqual([event('wish.fulfilled', { ...wish, claimant, servedBy: [memberId], outcome: null }, 'req-fulfil-org')]);
    const servedBy = 'query($id: ID!){ wish(id: $id) { servedBy { id } } }';
    expect((await stack.query(servedBy, { id: published.id }, { token: branchToken })).data).toEqual({ wish: { servedBy: [{ id: memberId }] } });
    expect((await stack.query(servedBy, { id: published.id })).data).toEqual({ wish: { servedBy: [] } });

    // The requester stays silent: a week later the sweep confirms for them, once.
    const later = new Date(clock.now().getTime() + 7 * 24 * HOUR + HOUR);
    expect(await sweep(later, 'req-sweep-1')).toEqual({ deadlineNotices: 0, escalated: 0, autoConfirmed: 1 });
    expect(await outbox.newEvents()).toEqual([
      event('wish.confirmed', { ...wish, claimant, servedBy: [memberId], rating: null, automatic: true, communityId: world.communityId }, 'req-sweep-1', later),
    ]);
    expect(await sweep(later, 'req-sweep-2')).toEqual({ deadlineNotices: 0, escalated: 0, autoConfirmed: 0 });
    expect(await outbox.newEvents()).toEqual([]);
    clock.set(later);
  });
});

describe('a request', () => {
  async function aRoutedRequest(title: string, requestId?: string): Promise<WishView> {
    const submitted = await wishes.submit(
      { kind: 'HELP', category: 'SELF_GOVERNANCE', title, description: '楼道里堆满了纸箱和旧家具，堵住了消防通道', tags: [], communityId: world.communityId, gridId },
      requesterToken,
    );
    return wishes.must(PUBLISH, { id: submitted.id }, workerToken, requestId);
  }

  it('is routed, reassigned, dispatched and resolved, each step told once', async () => {
    const routed = await aRoutedRequest('楼道堆放杂物', 'req-route');
    const wish = { wishId: routed.id, requesterId };
    const inADay = new Date(clock.now().getTime() + 24 * HOUR).toISOString();
    expect(await outbox.newEvents()).toEqual([
      event('request.routed', { ...wish, handlerId: committeeId, deadline: inADay }, 'req-route'),
      event('wish.published', { ...wish, communityId: world.communityId, gridId }, 'req-route'),
    ]);

    clock.advance(HOUR);
    const squadId = await wishes.anOrganisation('江心洲街道城管中队', 'GOVERNMENT_DEPARTMENT', world.streetId);
    await wishes.must(REASSIGN, { id: routed.id, handler: squadId, note: '转交城管' }, workerToken, 'req-reassign');
    expect(await outbox.newEvents()).toEqual([event('request.routed', { ...wish, handlerId: squadId, deadline: new Date(clock.now().getTime() + 24 * HOUR).toISOString() }, 'req-reassign')]);

    const policeId = await wishes.anOrganisation('江心洲派出所', 'GOVERNMENT_DEPARTMENT', world.streetId);
    const streetToken = await wishes.staffToken('STREET_ADMIN', [world.streetId]);
    const deadline = new Date(clock.now().getTime() + 72 * HOUR).toISOString();
    const dispatched = await wishes.must(
      DISPATCH,
      { id: routed.id, orders: [{ assigneeId: policeId, part: '夜间巡查', deadline }, { assigneeId: squadId, part: '清理杂物', deadline }, { assigneeId: policeId, part: '走访住户', deadline }] },
      streetToken,
      'req-dispatch',
    );
    expect(await outbox.newEvents()).toEqual([event('request.dispatched', { ...wish, handlerIds: [policeId, squadId] }, 'req-dispatch')]);

    const [first, second, third] = dispatched.workOrders;
    const policeToken = await wishes.staffToken('COMMUNITY_WORKER', [policeId]);
    await wishes.must(CLOSE_ORDER, { id: routed.id, order: first!.id }, policeToken);
    await wishes.must(CLOSE_ORDER, { id: routed.id, order: third!.id }, policeToken);
    expect(await outbox.newEvents()).toEqual([]);
    await wishes.must(CLOSE_ORDER, { id: routed.id, order: second!.id }, await wishes.staffToken('COMMUNITY_WORKER', [squadId]), 'req-resolve');
    expect(await outbox.newEvents()).toEqual([event('request.resolved', { ...wish, handlerId: squadId, outcome: null }, 'req-resolve')]);

    // A request's confirmation is its requester's own business: nothing to publish.
    await wishes.must(CONFIRM, { id: routed.id, rating: 4 }, requesterToken);
    expect(await outbox.newEvents()).toEqual([]);
  });

  it("tells its handler once that the deadline is near, once that it passed, then escalates it", async () => {
    const routed = await aRoutedRequest('电动车楼道充电');
    const routedAt = clock.now();
    const deadline = new Date(routedAt.getTime() + 24 * HOUR);
    await outbox.newEvents();
    const at = (hours: number) => new Date(routedAt.getTime() + hours * HOUR);
    const facts = { wishId: routed.id, handlerId: committeeId, deadline: deadline.toISOString() };

    expect(await sweep(at(19), 'req-sweep-19')).toEqual({ deadlineNotices: 0, escalated: 0, autoConfirmed: 0 });
    expect(await outbox.newEvents()).toEqual([]);

    expect(await sweep(at(21), 'req-sweep-21')).toEqual({ deadlineNotices: 1, escalated: 0, autoConfirmed: 0 });
    expect(await outbox.newEvents()).toEqual([event('request.deadlineNear', facts, 'req-sweep-21', at(21))]);
    expect(await sweep(at(21), 'req-sweep-21-again')).toEqual({ deadlineNotices: 0, escalated: 0, autoConfirmed: 0 });
    expect(await outbox.newEvents()).toEqual([]);

    expect(await sweep(at(25), 'req-sweep-25')).toEqual({ deadlineNotices: 1, escalated: 1, autoConfirmed: 0 });
    expect(await outbox.newEvents()).toEqual([
      event('request.overdue', facts, 'req-sweep-25', at(25)),
      event('wish.escalated', { wishId: routed.id, requesterId, fromHandlerId: committeeId, toOrganisationId: world.streetId }, 'req-sweep-25', at(25)),
    ]);
    expect(await sweep(at(25), 'req-sweep-25-again')).toEqual({ deadlineNotices: 0, escalated: 0, autoConfirmed: 0 });
    expect(await outbox.newEvents()).toEqual([]);
  });
});
