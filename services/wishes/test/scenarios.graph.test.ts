import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, CLOSE_ORDER, CONFIRM, DISPATCH, FULFIL, PUBLISH, START, SWEEP, WishWorld } from './support/wish-world.ts';
import { claimOutsideWindow } from '../src/errors.ts';

// The three user stories of issue 3, through the real gateway, with one clock for every subgraph.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
let stack: Stack;
let world: World;
let wishes: WishWorld;
let gridId: string;
let workerToken: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  gridId = await world.aMicroGrid();
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
}, 120_000);

afterAll(() => stack.stop());

describe("an elderly resident's wish", () => {
  it('is claimed by a volunteer once the community may claim, fulfilled and confirmed with a rating', async () => {
    const elderId = await world.aResident(await world.aHousehold(gridId), { name: '王秀英', idNumber: '320105194003150021', specialCare: ['ELDERLY_80_PLUS'] });
    const elderToken = await wishes.residentToken(elderId);
    const volunteer = await wishes.aVolunteer(gridId);
    const submitted = await wishes.submit({ communityId: world.communityId, gridId }, elderToken);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.organisationPath).toEqual([world.districtId, world.streetId, world.communityId]);

    await wishes.must(PUBLISH, { id: submitted.id }, workerToken);
    // For the first 24 hours only the micro-grid's own people may claim.
    const early = await wishes.act(CLAIM, { id: submitted.id }, volunteer.token);
    expect(early.errors.map(summaryOf)).toEqual([summaryOf(claimOutsideWindow('GRID'))]);

    clock.advance(25 * HOUR);
    const claimed = await wishes.must(CLAIM, { id: submitted.id }, volunteer.token);
    expect(claimed.status).toBe('CLAIMED');
    expect(claimed.claimant).toEqual({ __typename: 'Resident', id: volunteer.id });
    await wishes.must(START, { id: submitted.id }, volunteer.token);
    clock.advance(3 * HOUR);
    await wishes.must(FULFIL, { id: submitted.id, note: '已把蔬菜和鸡蛋送到家中' }, volunteer.token);
    const confirmed = await wishes.must(CONFIRM, { id: submitted.id, rating: 5, comment: '小李很热心，谢谢！' }, elderToken);

    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.feedback).toEqual({ rating: 5, comment: '小李很热心，谢谢！', automatic: false });
    expect(confirmed.requester).toEqual({ id: elderId });
    expect(confirmed.timeline.map((entry) => [entry.action, entry.status])).toEqual([
      ['SUBMIT', 'SUBMITTED'],
      ['PUBLISH', 'PUBLISHED'],
      ['CLAIM', 'CLAIMED'],
      ['START_SERVICE', 'IN_SERVICE'],
      ['FULFIL', 'FULFILLED'],
      ['CONFIRM', 'CONFIRMED'],
    ]);

    // Anyone sees the published wish, but not who asked for it, nor who acted.
    const anonymous = await stack.query<{ wish: { requester: null; timeline: { actor: string }[] } }>('query($id: ID!){ wish(id: $id) { requester { id } timeline { actor } } }', {
      id: submitted.id,
    });
    expect(anonymous.data!.wish.requester).toBe(null);
    expect(new Set(anonymous.data!.wish.timeline.map((entry) => entry.actor))).toEqual(new Set(['***']));
  });
});

describe('a property request', () => {
  it("is routed to the agreement's company, and escalated to the street when left overdue", async () => {
    const ownersId = await wishes.anOrganisation('新城花园业委会', 'OWNERS_COMMITTEE', world.communityId);
    const propertyId = await wishes.anOrganisation('金陵物业服务有限公司', 'PROPERTY_COMPANY', world.communityId);
    const contact = { name: '陈海燕', phone: '13812345678' };
    await world.mutate('mutation($input: SignAgreementInput!){ signAgreement(input: $input) { id } }', {
      input: {
        communityId: world.communityId,
        ownersCommitteeId: ownersId,
        propertyCompanyId: propertyId,
        communityContact: contact,
        ownersCommitteeContact: contact,
        propertyCompanyContact: contact,
        responseDeadlineHours: 2,
        resolutionDeadlineHours: 48,
        signedOn: '2026-01-01T00:00:00.000Z',
      },
    });
    const residentId = await world.aResident(await world.aHousehold(gridId), { name: '赵建国' });
    const request = await wishes.submit(
      { kind: 'HELP', category: 'MARKET_SERVICE', title: '3栋电梯停运', description: '3栋2单元电梯停运两天，楼上老人下不了楼', tags: ['电梯'], communityId: world.communityId, gridId },
      await wishes.residentToken(residentId),
    );
    const routedAt = clock.now();
    const routed = await wishes.must(PUBLISH, { id: request.id }, workerToken);
    expect(routed.status).toBe('ROUTED');
    expect(routed.handler).toEqual({ id: propertyId });
    expect(routed.routingRule).toEqual({ ruleId: 'market-service', level: 'COMMUNITY' });
    expect(routed.acknowledgeDeadline).toBe(new Date(routedAt.getTime() + 2 * HOUR).toISOString());
    expect(routed.resolveDeadline).toBe(new Date(routedAt.getTime() + 48 * HOUR).toISOString());

    clock.advance(3 * HOUR);
    const adminToken = world.adminToken;
    const sweep = await stack.query<{ runDeadlineSweep: { escalated: number } }>(SWEEP, {}, { token: adminToken });
    expect(sweep.errors).toEqual([]);
    expect(sweep.data!.runDeadlineSweep.escalated).toBe(1);
    // Run again for the same time: nothing moves twice.
    const again = await stack.query<{ runDeadlineSweep: { escalated: number } }>(SWEEP, {}, { token: adminToken });
    expect(again.data!.runDeadlineSweep.escalated).toBe(0);

    const { wish: escalated } = await wishes.act('query($id: ID!){ wish(id: $id) {WISH} }', { id: request.id }, adminToken);
    expect(escalated!.handler).toEqual({ id: world.streetId });
    expect(escalated!.handlingLevel).toBe('STREET');
    expect(escalated!.overdue).toBe(false);
    expect(escalated!.timeline.map((entry) => [entry.action, entry.status, entry.note])).toEqual([
      ['SUBMIT', 'SUBMITTED', 'APP'],
      ['PUBLISH', 'PUBLISHED', null],
      ['ROUTE', 'ROUTED', '市场服务类诉求交三方协议约定的物业公司，按协议时限办理'],
      ['ESCALATE', 'ROUTED', '逾期未办结，升级至街道督办'],
    ]);
    const streetToken = await wishes.staffToken('STREET_ADMIN', [world.streetId]);
    const notes = await stack.query<{ wishNotifications: { message: string; wish: { id: string } }[] }>(
      'query($id: ID!){ wishNotifications(recipientId: $id) { message wish { id } } }',
      { id: world.streetId },
      { token: streetToken },
    );
    expect(notes.data!.wishNotifications).toEqual([{ message: '诉求「3栋电梯停运」逾期未办结，升级至街道督办，请及时办理', wish: { id: request.id } }]);
  });
});

describe('a government-affairs request', () => {
  it('is dispatched to two departments and resolved only when both close their work orders', async () => {
    const policeId = await wishes.anOrganisation('江心洲派出所', 'GOVERNMENT_DEPARTMENT', world.streetId);
    const cityId = await wishes.anOrganisation('街道城管中队', 'GOVERNMENT_DEPARTMENT', world.streetId);
    const residentId = await world.aResident(await world.aHousehold(gridId), { name: '孙玉梅' });
    const request = await wishes.submit(
      { kind: 'HELP', category: 'GOVERNMENT_AFFAIRS', title: '小区门口占道经营', description: '晚上小区门口摆摊占道，噪音大，车辆进出困难', tags: [], communityId: world.communityId, gridId },
      await wishes.residentToken(residentId),
    );
    const routed = await wishes.must(PUBLISH, { id: request.id }, workerToken);
    expect([routed.handler, routed.handlingLevel]).toEqual([{ id: world.streetId }, 'STREET']);

    const streetToken = await wishes.staffToken('STREET_ADMIN', [world.streetId]);
    const deadline = new Date(clock.now().getTime() + 72 * HOUR).toISOString();
    const dispatched = await wishes.must(
      DISPATCH,
      { id: request.id, orders: [{ assigneeId: policeId, part: '夜间巡查，维护秩序', deadline }, { assigneeId: cityId, part: '清理占道摊点', deadline }] },
      streetToken,
    );
    expect(dispatched.status).toBe('IN_SERVICE');
    const [policeOrder, cityOrder] = dispatched.workOrders;

    const policeToken = await wishes.staffToken('COMMUNITY_WORKER', [policeId]);
    const half = await wishes.must(CLOSE_ORDER, { id: request.id, order: policeOrder!.id, note: '已安排夜间巡逻' }, policeToken);
    expect([half.status, half.workOrders.map((order) => order.status)]).toEqual(['IN_SERVICE', ['DONE', 'OPEN']]);
    // The police may not close the city management's order.
    const foreign = await wishes.act(CLOSE_ORDER, { id: request.id, order: cityOrder!.id }, policeToken);
    expect(foreign.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    const cityToken = await wishes.staffToken('COMMUNITY_WORKER', [cityId]);
    const resolved = await wishes.must(CLOSE_ORDER, { id: request.id, order: cityOrder!.id, note: '摊点已清理' }, cityToken);
    expect(resolved.status).toBe('RESOLVED');
    expect(resolved.timeline.slice(-4).map((entry) => [entry.action, entry.status])).toEqual([
      ['DISPATCH', 'IN_SERVICE'],
      ['CLOSE_WORK_ORDER', 'IN_SERVICE'],
      ['CLOSE_WORK_ORDER', 'IN_SERVICE'],
      ['RESOLVE', 'RESOLVED'],
    ]);
  });
});
