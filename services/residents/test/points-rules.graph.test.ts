import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsSubgraph } from '@civic/organisations';
import { ManualClock, notWholeNumberInRange, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, startStack, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { dailyCapAboveMonthlyCap, setPointsRuleNotAdmin } from '../src/errors.ts';
import { applyEvent, attended } from './support/points-events.ts';

// The published rules and staff adjustments, through the gateway.
let stack: Stack;
let world: World;
let models: Models;
const clock = new ManualClock(new Date('2025-05-04T01:00:00Z'));

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph], clock });
  world = await aWorld(stack);
  models = stack.subgraph('residents').models as unknown as Models;
});
afterAll(() => stack.stop());

const RULES = '{ pointsRules { event source basis points dailyCap monthlyCap changedBy changedAt } }';
const SET_RULE = 'mutation($input: PointsRuleInput!) { setPointsRule(input: $input) { event source basis points dailyCap monthlyCap changedBy changedAt } }';

const DEFAULTS = [
  { event: 'WISH_CONFIRMED', source: 'WISH', basis: 'PER_RATING_STAR', points: 2, dailyCap: 30, monthlyCap: 200, changedBy: null, changedAt: null },
  { event: 'ACTIVITY_CHECKED_IN', source: 'ACTIVITY', basis: 'PER_HOUR', points: 4, dailyCap: 32, monthlyCap: 240, changedBy: null, changedAt: null },
  { event: 'MEETING_ATTENDED', source: 'MEETING', basis: 'PER_EVENT', points: 3, dailyCap: 6, monthlyCap: 30, changedBy: null, changedAt: null },
];

describe('pointsRules and setPointsRule', () => {
  it('publishes the default rules to anyone, signed in or not', async () => {
    expect(await stack.query(RULES)).toEqual({ status: 200, data: { pointsRules: DEFAULTS }, errors: [] });
  });

  it('refuses a change from anyone but a street or district admin, and bad terms, changing nothing', async () => {
    const input = { event: 'WISH_CONFIRMED', points: 3, dailyCap: 30, monthlyCap: 200 };
    const communityWorker = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: '0000000000000000000000aa' });
    const streetAdmin = await stack.token({ subject: 'staff:jiangxinzhou', roles: ['STREET_ADMIN'], scope: [world.streetId] });
    expectError(await stack.query(SET_RULE, { input }), unauthenticated());
    expectError(await stack.query(SET_RULE, { input }, { token: communityWorker }), setPointsRuleNotAdmin());
    expectError(await stack.query(SET_RULE, { input }, { token: resident }), setPointsRuleNotAdmin());
    expectError(await stack.query(SET_RULE, { input: { ...input, dailyCap: 201 } }, { token: streetAdmin }), dailyCapAboveMonthlyCap());
    expectError(await stack.query(SET_RULE, { input: { ...input, points: -1 } }, { token: streetAdmin }), notWholeNumberInRange('points', 0, 100));
    expect((await stack.query(RULES)).data).toEqual({ pointsRules: DEFAULTS });
    expect(await models.PointsRuleChange.countDocuments()).toBe(0);
  });

  it('lets a street admin change a rule, kept with who and when, for events from then on', async () => {
    const streetAdmin = await stack.token({ subject: 'staff:jiangxinzhou', roles: ['STREET_ADMIN'], scope: [world.streetId] });
    clock.set(new Date('2025-05-10T02:00:00Z'));
    const changed = { event: 'MEETING_ATTENDED', source: 'MEETING', basis: 'PER_EVENT', points: 4, dailyCap: 8, monthlyCap: 40, changedBy: 'staff:jiangxinzhou', changedAt: '2025-05-10T02:00:00.000Z' };
    const response = await stack.query(SET_RULE, { input: { event: 'MEETING_ATTENDED', points: 4, dailyCap: 8, monthlyCap: 40 } }, { token: streetAdmin });
    expect(response).toEqual({ status: 200, data: { setPointsRule: changed }, errors: [] });
    expect((await stack.query(RULES)).data).toEqual({ pointsRules: [DEFAULTS[0], DEFAULTS[1], changed] });

    const residentId = await world.aResident(await world.aHousehold(await world.aMicroGrid()));
    await applyEvent(models, attended(residentId, new Date('2025-05-10T01:59:59Z')));
    await applyEvent(models, attended(residentId, new Date('2025-05-10T02:00:00Z')));
    const ledger = await stack.query(`query($id: ID!) { resident(id: $id) { points { balance entries { edges { node { amount source } } } } } }`, { id: residentId }, { token: world.adminToken });
    expect(ledger.data).toEqual({ resident: { points: { balance: 7, entries: { edges: [{ node: { amount: 4, source: 'MEETING' } }, { node: { amount: 3, source: 'MEETING' } }] } } } });
  });
});

describe('staff adjustments', () => {
  it('keep their reason and the staff account; points from events name their event instead', async () => {
    clock.set(new Date('2025-05-12T03:00:00Z'));
    const residentId = await world.aResident(await world.aHousehold(await world.aMicroGrid()));
    const worker = await stack.token({ subject: 'staff:xincheng-wang', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    const event = attended(residentId, new Date('2025-05-11T03:00:00Z'));
    await applyEvent(models, event);
    const award = await stack.query('mutation($input: PointsAwardInput!) { awardPoints(input: $input) { amount } }', { input: { residentId, amount: 20, source: 'AWARD', reason: '疫情防控志愿服务表现突出' } }, { token: worker });
    const deduct = await stack.query('mutation($input: PointsDeductionInput!) { deductPoints(input: $input) { amount } }', { input: { residentId, amount: 5, reason: '重复登记服务时长' } }, { token: worker });
    expect([award.errors, deduct.errors]).toEqual([[], []]);
    const ledger = await stack.query(
      `query($id: ID!) { resident(id: $id) { points { balance entries { edges { node { amount source reason recordedBy eventId at } } } } } }`,
      { id: residentId },
      { token: worker },
    );
    expect(ledger.data).toEqual({
      resident: {
        points: {
          balance: 19,
          entries: {
            edges: [
              { node: { amount: -5, source: 'DEDUCTION', reason: '重复登记服务时长', recordedBy: 'staff:xincheng-wang', eventId: null, at: '2025-05-12T03:00:00.000Z' } },
              { node: { amount: 20, source: 'AWARD', reason: '疫情防控志愿服务表现突出', recordedBy: 'staff:xincheng-wang', eventId: null, at: '2025-05-12T03:00:00.000Z' } },
              // After the change of 10 May: 4 points a meeting.
              { node: { amount: 4, source: 'MEETING', reason: '参加会议', recordedBy: 'residents-points', eventId: event.id, at: '2025-05-11T03:00:00.000Z' } },
            ],
          },
        },
      },
    });
  });
});
