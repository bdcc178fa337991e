import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, emptyText } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { ACKNOWLEDGE, CLAIM, CONFIRM, FULFIL, HAND_BACK, PUBLISH, READ, REASSIGN, REOPEN, RESOLVE, START, WishWorld, errorsOf, type WishView } from './support/wish-world.ts';
import {
  claimOutsideWindow,
  handBackWishOfAnotherClaimant,
  handlerOutsideDistrict,
  handlerUnchanged,
  readHandlerQueueWithoutStaffRole,
  reassignOutOfScope,
  reopenOthersWish,
  startWishOfAnotherClaimant,
} from '../src/errors.ts';

// Reassigning a request, handing a wish back, reopening it, and a handler's queue, through the gateway.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-04-06T01:00:00.000Z'));
let stack: Stack;
let world: World;
let wishes: WishWorld;
let gridId: string;
let workerToken: string;
let committeeId: string;
let committeeToken: string;
let requesterId: string;
let requesterToken: string;

const QUEUE = 'query($id: ID!){ handlerQueue(handlerId: $id) { totalCount edges { node { id title status overdue requester { id } } } } }';
const at = (offsetHours: number, from: Date) => new Date(from.getTime() + offsetHours * HOUR).toISOString();

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  gridId = await world.aMicroGrid();
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  committeeId = await wishes.anOrganisation('新城社区居委会', 'RESIDENTS_COMMITTEE', world.communityId);
  committeeToken = await wishes.staffToken('COMMUNITY_WORKER', [committeeId]);
  requesterId = await world.aResident(await world.aHousehold(gridId), { name: '林桂兰' });
  requesterToken = await wishes.residentToken(requesterId);
}, 120_000);

afterAll(() => stack.stop());

/** A self-governance request, routed by the rules table to the residents' committee. */
async function aRoutedRequest(title: string): Promise<WishView> {
  const submitted = await wishes.submit(
    { kind: 'HELP', category: 'SELF_GOVERNANCE', title, description: '楼道里堆满了纸箱和旧家具，堵住了消防通道', tags: [], communityId: world.communityId, gridId },
    requesterToken,
  );
  return wishes.must(PUBLISH, { id: submitted.id }, workerToken);
}

async function aClaimedWish(title: string, volunteerToken: string): Promise<WishView> {
  const submitted = await wishes.submit({ communityId: world.communityId, gridId, title }, requesterToken);
  await wishes.must(PUBLISH, { id: submitted.id }, workerToken);
  clock.advance(25 * HOUR);
  return wishes.must(CLAIM, { id: submitted.id }, volunteerToken);
}

describe('reassignWish', () => {
  it("moves a request to another handler, on the timeline and in the new handler's queue", async () => {
    const routed = await aRoutedRequest('楼道堆放杂物');
    const routedAt = clock.now();
    expect([routed.handler, routed.handlingLevel, routed.routingRule]).toEqual([{ id: committeeId }, 'COMMUNITY', { ruleId: 'self-governance', level: 'COMMUNITY' }]);
    const squadId = await wishes.anOrganisation('江心洲街道城管中队', 'GOVERNMENT_DEPARTMENT', world.streetId);
    const otherDistrict = (await stack.query<{ createOrganisation: { id: string } }>('mutation($input: CreateOrganisationInput!){ createOrganisation(input: $input) { id } }', {
      input: { name: '秦淮区委', kind: 'DISTRICT_COMMITTEE' },
    }, { token: await stack.token({ roles: ['DISTRICT_ADMIN'] }) })).data!.createOrganisation.id;

    // Refused, with nothing written: the same handler, one outside the district, a resident, an empty note.
    const refusals = [
      await wishes.act(REASSIGN, { id: routed.id, handler: committeeId, note: '转交' }, workerToken),
      await wishes.act(REASSIGN, { id: routed.id, handler: otherDistrict, note: '转交' }, workerToken),
      await wishes.act(REASSIGN, { id: routed.id, handler: squadId, note: '转交' }, requesterToken),
      await wishes.act(REASSIGN, { id: routed.id, handler: squadId, note: ' ' }, workerToken),
    ];
    expect(refusals.map((refusal) => errorsOf(refusal.errors)[0])).toEqual([
      summaryOf(handlerUnchanged()),
      summaryOf(handlerOutsideDistrict()),
      summaryOf(reassignOutOfScope()),
      summaryOf(emptyText('note')),
    ]);
    expect((await wishes.act(READ, { id: routed.id }, workerToken)).wish).toEqual(routed);

    clock.advance(2 * HOUR);
    const reassigned = await wishes.must(REASSIGN, { id: routed.id, handler: squadId, note: '占用消防通道，转城管中队执法' }, workerToken);
    expect({
      status: reassigned.status,
      handler: reassigned.handler,
      handlingLevel: reassigned.handlingLevel,
      acknowledgeDeadline: reassigned.acknowledgeDeadline,
      resolveDeadline: reassigned.resolveDeadline,
      last: reassigned.timeline.at(-1),
    }).toEqual({
      status: 'ROUTED',
      handler: { id: squadId },
      // A street department: the deadline job escalates it from the street, not the community.
      handlingLevel: 'STREET',
      acknowledgeDeadline: at(24, clock.now()),
      resolveDeadline: at(5 * 24, routedAt),
      last: { action: 'REASSIGN', status: 'ROUTED', note: '占用消防通道，转城管中队执法' },
    });

    const squadQueue = await stack.query(QUEUE, { id: squadId }, { token: await wishes.staffToken('COMMUNITY_WORKER', [squadId]) });
    expect(squadQueue.data).toEqual({
      handlerQueue: { totalCount: 1, edges: [{ node: { id: routed.id, title: '楼道堆放杂物', status: 'ROUTED', overdue: false, requester: { id: requesterId } } }] },
    });
    const committeeQueue = await stack.query(QUEUE, { id: committeeId }, { token: committeeToken });
    expect(committeeQueue.data).toEqual({ handlerQueue: { totalCount: 0, edges: [] } });
  });
});

describe('handBackWish', () => {
  it('needs a reason, opens the wish again to its grid, and the previous claimant no longer holds it', async () => {
    const volunteer = await wishes.aVolunteer(gridId, '李志强');
    const other = await wishes.aVolunteer(gridId, '张丽华');
    const claimed = await aClaimedWish('帮忙修理漏水的水龙头', volunteer.token);
    expect(claimed.claimant).toEqual({ __typename: 'Resident', id: volunteer.id });

    const refusals = [await wishes.act(HAND_BACK, { id: claimed.id, reason: '  ' }, volunteer.token), await wishes.act(HAND_BACK, { id: claimed.id, reason: '没空' }, other.token)];
    expect(refusals.map((refusal) => errorsOf(refusal.errors)[0])).toEqual([
      summaryOf(emptyText('reason')),
      summaryOf(handBackWishOfAnotherClaimant()),
    ]);
    expect((await wishes.act(READ, { id: claimed.id }, volunteer.token)).wish).toEqual(claimed);

    clock.advance(HOUR);
    const handedBack = await wishes.must(HAND_BACK, { id: claimed.id, reason: '临时出差，无法上门' }, volunteer.token);
    expect([handedBack.status, handedBack.claimant, handedBack.claimLevel, handedBack.timeline.at(-1)]).toEqual([
      'PUBLISHED',
      null,
      // The claim windows count afresh: the micro-grid first again.
      'GRID',
      { action: 'HAND_BACK', status: 'PUBLISHED', note: '临时出差，无法上门' },
    ]);

    const start = await wishes.act(START, { id: claimed.id }, volunteer.token);
    expect(errorsOf(start.errors)).toEqual([summaryOf(startWishOfAnotherClaimant())]);
    const held = await stack.query('query($id: ID!){ resident(id: $id) { claimedWishes { id } } }', { id: volunteer.id }, { token: volunteer.token });
    expect(held.data).toEqual({ resident: { claimedWishes: [] } });
    const early = await wishes.act(CLAIM, { id: claimed.id }, other.token);
    expect(errorsOf(early.errors)).toEqual([summaryOf(claimOutsideWindow('GRID'))]);

    // The grid's party branch is among the grid's own claimants: it may claim at once.
    const byBranch = await wishes.must(CLAIM, { id: claimed.id, org: world.branchId }, await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]));
    expect([byBranch.status, byBranch.claimant]).toEqual(['CLAIMED', { __typename: 'Organisation', id: world.branchId }]);
  });
});

describe('reopenWish', () => {
  it('puts a wish the requester says is not done back in service, on the timeline', async () => {
    const volunteer = await wishes.aVolunteer(gridId, '王建国');
    const claimed = await aClaimedWish('帮忙更换灯泡', volunteer.token);
    await wishes.must(START, { id: claimed.id }, volunteer.token);
    const fulfilled = await wishes.must(FULFIL, { id: claimed.id, note: '灯泡已换好' }, volunteer.token);
    const bystanderToken = await wishes.residentToken(await world.aResident(await world.aHousehold(gridId), { name: '吴晓东' }));

    const refusals = [await wishes.act(REOPEN, { id: claimed.id, reason: '' }, requesterToken), await wishes.act(REOPEN, { id: claimed.id, reason: '还是不亮' }, bystanderToken)];
    expect(refusals.map((refusal) => errorsOf(refusal.errors)[0])).toEqual([
      summaryOf(emptyText('reason')),
      summaryOf(reopenOthersWish()),
    ]);
    expect((await wishes.act(READ, { id: claimed.id }, requesterToken)).wish).toEqual(fulfilled);

    const reopened = await wishes.must(REOPEN, { id: claimed.id, reason: '换了灯泡还是不亮，可能是线路问题' }, requesterToken);
    expect([reopened.status, reopened.claimant, reopened.feedback, reopened.timeline.at(-1)]).toEqual([
      'IN_SERVICE',
      { __typename: 'Resident', id: volunteer.id },
      null,
      { action: 'REOPEN', status: 'IN_SERVICE', note: '换了灯泡还是不亮，可能是线路问题' },
    ]);
    await wishes.must(FULFIL, { id: claimed.id, note: '已请电工修好线路' }, volunteer.token);
    const confirmed = await wishes.must(CONFIRM, { id: claimed.id, rating: 4 }, requesterToken);
    expect(confirmed.timeline.map((entry) => entry.action)).toEqual(['SUBMIT', 'PUBLISH', 'CLAIM', 'START_SERVICE', 'FULFIL', 'REOPEN', 'FULFIL', 'CONFIRM']);
  });
});

describe('handlerQueue', () => {
  it("lists a handler's open requests, earliest deadline first, to staff covering it", async () => {
    const first = await aRoutedRequest('邻里漏水纠纷');
    clock.advance(2 * HOUR);
    const second = await aRoutedRequest('建议增设晾衣架');
    clock.advance(HOUR);
    const acknowledged = await aRoutedRequest('楼道灯不亮');
    await wishes.must(ACKNOWLEDGE, { id: acknowledged.id }, committeeToken);
    clock.advance(HOUR);
    const resolved = await aRoutedRequest('咨询居民议事会报名');
    await wishes.must(RESOLVE, { id: resolved.id, note: '已电话答复' }, committeeToken);
    // 25 hours after the first was routed: its acknowledge deadline has passed, the second's not.
    clock.advance(21 * HOUR);

    const node = (wish: WishView, status: string, overdue: boolean) => ({ node: { id: wish.id, title: wish.title, status, overdue, requester: { id: requesterId } } });
    // Acknowledge deadlines 24 h after routing; once acknowledged, the resolve deadline (5 days) is what is due.
    expect((await stack.query(QUEUE, { id: committeeId }, { token: committeeToken })).data).toEqual({
      handlerQueue: { totalCount: 3, edges: [node(first, 'ROUTED', true), node(second, 'ROUTED', false), node(acknowledged, 'IN_SERVICE', false)] },
    });

    const elsewhere = await wishes.anOrganisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', world.streetId);
    const stranger = await stack.query(QUEUE, { id: committeeId }, { token: await wishes.staffToken('COMMUNITY_WORKER', [elsewhere]) });
    expect(stranger.data).toEqual({ handlerQueue: { totalCount: 0, edges: [] } });
    const resident = await stack.query(QUEUE, { id: committeeId }, { token: requesterToken });
    expect(errorsOf(resident.errors)).toEqual([summaryOf(readHandlerQueueWithoutStaffRole())]);
  });
});
