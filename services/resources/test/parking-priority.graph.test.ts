import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { Types } from 'mongoose';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { insufficientPoints, spendingVoided, spendPointsAsNonSpender } from '@civic/residents/errors';
import { aWorld, RACE_TIMEOUT, repeatRace, startStack, summaryOf, type ErrorWithExtensions, type GraphResponse, type Stack, type World } from '@civic/test-harness';
import { invalidInput, invalidTransition } from '@civic/service-kit';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { placesPastTheHead, spendingReason, refundReason, priorityPrice } from '../src/domain/parking-priority.ts';
import { SAGA_STALE_AFTER_MS } from '../src/domain/priority-saga.ts';
import { pointsNotSpent, priorityNotGranted, priorityRefundPending, prioritySpendingUnderWay, spendPointsOnAnotherApplication } from '../src/errors.ts';
import { graphql } from '../src/generated/graph/gql.ts';
import { aResourceThroughGraph, asUser } from './support/graph-builders.ts';
import { startSwitchableProxy, type SwitchableProxy } from './support/switchable-proxy.ts';

// Spending 微星光 points to move up the shared parking waiting list, through the gateway, with each
// step of the saga failing in turn. The residents subgraph sits behind a proxy the test switches
// off or intercepts, so the points ledger is unreachable, or the queue changes, at an exact step.
let stack: Stack;
let world: World;
let proxy: SwitchableProxy;
let householdId: string;
let pointsRecorder: string;
let operator: string;
let resourcesService: string;

const SPEND = graphql(`
  mutation ResourcesTestSpendForPriority($applicationId: ID!, $places: Int!) {
    spendPointsForParkingPriority(applicationId: $applicationId, places: $places) { status waitingPosition priorityPlaces }
  }
`);
const RECOVER = graphql(`mutation ResourcesTestRecoverPriority { recoverParkingPrioritySpendings { granted compensated stillCompensating } }`);
const APPLICATION = graphql(`
  query ResourcesTestPriorityApplication($id: ID!) {
    parkingApplication(id: $id) { status waitingPosition priorityPlaces prioritySpendings { places points state failure } }
  }
`);
const POINTS = graphql(`
  query ResourcesTestPoints($id: ID!) {
    resident(id: $id) { points { balance entries(first: 10) { edges { node { amount source reason recordedBy balanceAfter } } } } }
  }
`);
const AWARD = graphql(`mutation ResourcesTestAward($input: PointsAwardInput!) { awardPoints(input: $input) { balanceAfter } }`);
const APPLY = graphql(`mutation ResourcesTestApply($resourceId: ID!) { applyForParking(resourceId: $resourceId) { id } }`);
const RELEASE = graphql(`mutation ResourcesTestRelease($applicationId: ID!) { releaseParking(applicationId: $applicationId) { status } }`);
const DEDUCT = graphql(`mutation ResourcesTestDeduct($input: PointsDeductionInput!) { deductPoints(input: $input) { balanceAfter } }`);
const SPEND_DIRECTLY = graphql(`mutation ResourcesTestSpendDirectly($input: PointsSpendingInput!) { spendPoints(input: $input) { status } }`);
const REFUND_DIRECTLY = graphql(`mutation ResourcesTestRefundDirectly($input: PointsSpendingInput!) { refundPoints(input: $input) { status } }`);

const QUOTA_TITLE = '江心洲商业广场共享车位';
const AWARDED = 100;

interface Applicant {
  residentId: string;
  token: string;
  applicationId: string;
}

/** A quota of one place: the holder, then three waiting in order (positions 1, 2, 3); the last has 100 points. */
async function aQueue(): Promise<{ holder: Applicant; waiting: [Applicant, Applicant, Applicant] }> {
  const quota = await aResourceThroughGraph(world, {
    pool: 'MARKET',
    kind: 'PARKING',
    title: QUOTA_TITLE,
    description: '夜间及周末向周边居民开放。',
    providerOrganisationId: world.communityId,
    servedOrganisationId: world.communityId,
    tags: ['停车'],
    parkingPlaces: 1,
  });
  const applicants: Applicant[] = [];
  for (let index = 0; index < 4; index++) {
    const residentId = await world.aResident(householdId);
    const token = await stack.token({ roles: ['RESIDENT'], residentId });
    applicants.push({ residentId, token, applicationId: (await asUser(stack, token, APPLY, { resourceId: quota })).applyForParking.id });
  }
  await asUser(stack, pointsRecorder, AWARD, { input: { residentId: applicants[3]!.residentId, amount: AWARDED, source: 'AWARD', reason: '志愿服务表彰' } });
  const [holder, first, second, third] = applicants as [Applicant, Applicant, Applicant, Applicant];
  return { holder, waiting: [first, second, third] };
}

async function spend(applicant: Applicant, places: number): Promise<GraphResponse> {
  return stack.query(print(SPEND), { applicationId: applicant.applicationId, places }, { token: applicant.token });
}

async function application(applicant: Applicant) {
  return (await asUser(stack, applicant.token, APPLICATION, { id: applicant.applicationId })).parkingApplication!;
}

async function points(applicant: Applicant) {
  const account = (await asUser(stack, applicant.token, POINTS, { id: applicant.residentId })).resident!.points!;
  return { balance: account.balance, entries: account.entries.edges.map((edge) => edge.node) };
}

async function positions(queue: readonly Applicant[]): Promise<(number | null)[]> {
  return Promise.all(queue.map(async (applicant) => (await application(applicant)).waitingPosition));
}

function recover() {
  return asUser(stack, operator, RECOVER, {});
}

function errorsOf(response: GraphResponse) {
  return response.errors.map(summaryOf);
}

function only(error: ErrorWithExtensions) {
  return [summaryOf(error)];
}

const award = { amount: AWARDED, source: 'AWARD', reason: '志愿服务表彰', recordedBy: 'staff:li-hong', balanceAfter: AWARDED };
const deduction = (amount: number, balanceAfter: number) => ({ amount: -amount, source: 'DEDUCTION', reason: '积分兑换礼品', recordedBy: 'staff:li-hong', balanceAfter });
const spending = (places: number, balanceAfter: number) => ({ amount: -priorityPrice(places), source: 'SPENDING', reason: spendingReason(QUOTA_TITLE, places), recordedBy: 'service:resources', balanceAfter });
const refund = (places: number, balanceAfter: number) => ({ amount: priorityPrice(places), source: 'REFUND', reason: refundReason(spendingReason(QUOTA_TITLE, places)), recordedBy: 'service:resources', balanceAfter });

beforeAll(async () => {
  proxy = await startSwitchableProxy();
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph], subgraphUrls: { residents: proxy.url } });
  proxy.forwardTo(stack.subgraph('residents').url);
  world = await aWorld(stack);
  householdId = await world.aHousehold(await world.aMicroGrid());
  pointsRecorder = await stack.token({ subject: 'staff:li-hong', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  operator = await stack.token({ subject: 'staff:district-ops', roles: ['DISTRICT_ADMIN'], scope: [world.streetId] });
  resourcesService = await stack.token({ subject: 'service:resources', roles: ['SERVICE'] });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await proxy?.stop();
});

describe('spending points for a place higher on the parking waiting list', () => {
  it('takes the points once and moves the application up, with the ledger naming why', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    const answer = await spend(spender, 2);
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual({ spendPointsForParkingPriority: { status: 'WAITING', waitingPosition: 1, priorityPlaces: 2 } });
    expect(await positions(waiting)).toEqual([2, 3, 1]);
    expect(await points(spender)).toEqual({ balance: 60, entries: [spending(2, 60), award] });
    expect((await application(spender)).prioritySpendings).toEqual([{ places: 2, points: 40, state: 'PRIORITY_GRANTED', failure: null }]);
    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 0, stillCompensating: 0 } });
    expect((await points(spender)).balance).toBe(60);
  });

  it('refuses bad requests before any saga: past the head of the list, another resident, a place already allocated', async () => {
    const { holder, waiting } = await aQueue();
    expect(errorsOf(await spend(waiting[2], 3))).toEqual(only(invalidInput(placesPastTheHead(3))));
    expect(errorsOf(await stack.query(print(SPEND), { applicationId: waiting[2].applicationId, places: 1 }, { token: waiting[0].token }))).toEqual(only(spendPointsOnAnotherApplication()));
    expect(errorsOf(await spend(holder, 1))).toEqual(only(invalidTransition('ParkingApplication', 'ALLOCATED', 'move up the waiting list')));
    expect((await application(waiting[2])).prioritySpendings).toEqual([]);
    expect((await points(waiting[2])).balance).toBe(AWARDED);
  });

  it('fails without taking anything when the ledger refuses the spending for too few points', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    await asUser(stack, pointsRecorder, DEDUCT, { input: { residentId: spender.residentId, amount: 70, reason: '积分兑换礼品' } });
    expect(errorsOf(await spend(spender, 2))).toEqual(only(pointsNotSpent(insufficientPoints(30, 40).message)));
    expect(await positions(waiting)).toEqual([1, 2, 3]);
    expect(await points(spender)).toEqual({ balance: 30, entries: [deduction(70, 30), award] });
    expect((await application(spender)).prioritySpendings).toEqual([{ places: 2, points: 40, state: 'FAILED', failure: insufficientPoints(30, 40).message }]);
  });

  it('compensates when the points ledger cannot be reached at the spend, and voids the spending so a late one is refused', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    proxy.up = false;
    const answer = await spend(spender, 1);
    proxy.up = true;
    expect(errorsOf(answer)).toEqual(only(priorityRefundPending('the points ledger did not answer the spending')));
    expect((await application(spender)).prioritySpendings).toEqual([{ places: 1, points: 20, state: 'COMPENSATING', failure: 'the points ledger did not answer the spending' }]);

    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 1, stillCompensating: 0 } });
    const [saga] = await sagasOf(spender);
    expect(saga!.state).toBe('COMPENSATED');
    expect(await points(spender)).toEqual({ balance: AWARDED, entries: [award] });
    expect(await positions(waiting)).toEqual([1, 2, 3]);
    // The spending the proxy never delivered, arriving late: refused, nothing taken.
    const late = await stack.query(print(SPEND_DIRECTLY), { input: { reference: saga!._id.toHexString(), residentId: spender.residentId, points: 20, reason: spendingReason(QUOTA_TITLE, 1) } }, { token: resourcesService });
    expect(errorsOf(late)).toEqual(only(spendingVoided()));
    expect(await points(spender)).toEqual({ balance: AWARDED, entries: [award] });
  });

  it('compensates when the spending landed but its answer was lost', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    proxy.intercept('spendPoints', async (serve) => {
      await serve();
      return 'cut';
    });
    const answer = await spend(spender, 1);
    proxy.intercept('spendPoints', null);
    expect(errorsOf(answer)).toEqual(only(priorityNotGranted('the points ledger did not answer the spending')));
    expect(await points(spender)).toEqual({ balance: AWARDED, entries: [refund(1, AWARDED), spending(1, 80), award] });
    expect(await positions(waiting)).toEqual([1, 2, 3]);
    expect((await application(spender)).prioritySpendings).toEqual([{ places: 1, points: 20, state: 'COMPENSATED', failure: 'the points ledger did not answer the spending' }]);
  });

  it('refunds when the application was released between the spending and the grant', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    proxy.intercept('spendPoints', async (serve) => {
      await serve();
      await asUser(stack, spender.token, RELEASE, { applicationId: spender.applicationId });
      return 'answer';
    });
    const answer = await spend(spender, 2);
    proxy.intercept('spendPoints', null);
    expect(errorsOf(answer)).toEqual(only(priorityNotGranted('the application is no longer waiting')));
    expect(await points(spender)).toEqual({ balance: AWARDED, entries: [refund(2, AWARDED), spending(2, 60), award] });
    expect(await application(spender)).toEqual({
      status: 'WITHDRAWN',
      waitingPosition: null,
      priorityPlaces: 0,
      prioritySpendings: [{ places: 2, points: 40, state: 'COMPENSATED', failure: 'the application is no longer waiting' }],
    });
    expect(await positions(waiting.slice(0, 2))).toEqual([1, 2]);
  });

  it('refunds when the queue moved so far between the spending and the grant that the places no longer exist', async () => {
    const { holder, waiting } = await aQueue();
    const spender = waiting[2];
    proxy.intercept('spendPoints', async (serve) => {
      await serve();
      // The holder leaves: the first in line takes the place, and the spender stands second.
      await asUser(stack, holder.token, RELEASE, { applicationId: holder.applicationId });
      return 'answer';
    });
    const answer = await spend(spender, 2);
    proxy.intercept('spendPoints', null);
    const refusal = `places ${placesPastTheHead(2).message}`;
    expect(errorsOf(answer)).toEqual(only(priorityNotGranted(refusal)));
    expect(await points(spender)).toEqual({ balance: AWARDED, entries: [refund(2, AWARDED), spending(2, 60), award] });
    expect(await positions(waiting)).toEqual([null, 1, 2]);
    expect((await application(waiting[0])).status).toBe('ALLOCATED');
    expect((await application(spender)).prioritySpendings).toEqual([{ places: 2, points: 40, state: 'COMPENSATED', failure: refusal }]);
  });

  it('keeps compensating while the refund cannot reach the ledger, and the recovery pass refunds exactly once', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    proxy.intercept('spendPoints', async (serve) => {
      await serve();
      await asUser(stack, spender.token, RELEASE, { applicationId: spender.applicationId });
      // Off once this answer is on its way: the refund that follows finds nobody.
      proxy.up = false;
      return 'answer';
    });
    const answer = await spend(spender, 2);
    proxy.intercept('spendPoints', null);
    expect(errorsOf(answer)).toEqual(only(priorityRefundPending('the application is no longer waiting')));
    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 0, stillCompensating: 1 } });
    expect((await sagasOf(spender)).map((saga) => saga.state)).toEqual(['COMPENSATING']);

    proxy.up = true;
    expect(await points(spender)).toEqual({ balance: 60, entries: [spending(2, 60), award] });
    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 1, stillCompensating: 0 } });
    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 0, stillCompensating: 0 } });
    expect(await points(spender)).toEqual({ balance: AWARDED, entries: [refund(2, AWARDED), spending(2, 60), award] });
    expect((await application(spender)).prioritySpendings).toEqual([{ places: 2, points: 40, state: 'COMPENSATED', failure: 'the application is no longer waiting' }]);
  });
});

describe('recovery of a saga a stopped process left behind', () => {
  it('finishes a saga left at POINTS_DEDUCTED: the places granted once, the points taken once', async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    const sagaId = await aSagaLeftBehind(spender, 'POINTS_DEDUCTED', 2, { spent: true });
    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 1, compensated: 0, stillCompensating: 0 } });
    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 0, stillCompensating: 0 } });
    expect(await positions(waiting)).toEqual([2, 3, 1]);
    expect(await points(spender)).toEqual({ balance: 60, entries: [spending(2, 60), award] });
    expect((await sagasOf(spender)).map((saga) => [saga._id.toHexString(), saga.state])).toEqual([[sagaId, 'PRIORITY_GRANTED']]);
  });

  it('compensates a saga left at STARTED: gives back a spending that landed, voids one that did not', async () => {
    const { waiting } = await aQueue();
    await aSagaLeftBehind(waiting[2], 'STARTED', 1, { spent: true });
    const other = (await aQueue()).waiting;
    await asUser(stack, pointsRecorder, AWARD, { input: { residentId: other[1].residentId, amount: AWARDED, source: 'AWARD', reason: '志愿服务表彰' } });
    const voided = await aSagaLeftBehind(other[1], 'STARTED', 1, { spent: false });
    // A saga a live request is still running is left to it.
    await aSagaLeftBehind(other[2], 'STARTED', 1, { spent: false, fresh: true });

    expect(await recover()).toEqual({ recoverParkingPrioritySpendings: { granted: 0, compensated: 2, stillCompensating: 0 } });
    expect(await points(waiting[2])).toEqual({ balance: AWARDED, entries: [refund(1, AWARDED), spending(1, 80), award] });
    expect(await points(other[1])).toEqual({ balance: AWARDED, entries: [award] });
    expect(await positions(waiting)).toEqual([1, 2, 3]);
    const late = await stack.query(print(SPEND_DIRECTLY), { input: { reference: voided, residentId: other[1].residentId, points: 20, reason: spendingReason(QUOTA_TITLE, 1) } }, { token: resourcesService });
    expect(errorsOf(late)).toEqual(only(spendingVoided()));
    expect((await sagasOf(other[2])).map((saga) => saga.state)).toEqual(['STARTED']);
    await models().ParkingPrioritySaga.deleteMany({ applicationId: new Types.ObjectId(other[2].applicationId) });
  });
});

describe('the same spending sent twice at once', () => {
  it('starts one saga: one deduction, one grant', { timeout: RACE_TIMEOUT }, async () => {
    await repeatRace(async () => {
      const { waiting } = await aQueue();
      const spender = waiting[2];
      // Each spending is held at the ledger until the other request has answered (or both are held),
      // so the two requests overlap for the saga's whole length, not only at its start.
      let answered!: () => void;
      const anAnswer = new Promise<void>((resolve) => (answered = resolve));
      let held = 0;
      let bothHeld!: () => void;
      const twoHeld = new Promise<void>((resolve) => (bothHeld = resolve));
      proxy.intercept('spendPoints', async (serve) => {
        if (++held === 2) bothHeld();
        await Promise.race([anAnswer, twoHeld]);
        await serve();
        return 'answer';
      });
      const answers = await Promise.all([spend(spender, 1).finally(answered), spend(spender, 1).finally(answered)]);
      proxy.intercept('spendPoints', null);
      const granted = answers.filter((answer) => answer.errors.length === 0);
      expect(granted.map((answer) => answer.data)).toEqual([{ spendPointsForParkingPriority: { status: 'WAITING', waitingPosition: 2, priorityPlaces: 1 } }]);
      expect(answers.filter((answer) => answer.errors.length > 0).map(errorsOf)).toEqual([only(prioritySpendingUnderWay())]);
      expect(await points(spender)).toEqual({ balance: 80, entries: [spending(1, 80), award] });
      expect(await positions(waiting)).toEqual([1, 3, 2]);
      expect((await application(spender)).prioritySpendings.map((saga) => saga.state)).toEqual(['PRIORITY_GRANTED']);
    });
  });
});

describe('the points ledger, asked directly', () => {
  it('spends and refunds for the resources service only', async () => {
    const { waiting } = await aQueue();
    const input = { reference: new Types.ObjectId().toHexString(), residentId: waiting[2].residentId, points: 20, reason: '共享车位排队前移1位' };
    const otherService = await stack.token({ subject: 'service:wishes', roles: ['SERVICE'] });
    for (const token of [otherService, waiting[2].token, pointsRecorder]) {
      expect(errorsOf(await stack.query(print(SPEND_DIRECTLY), { input }, { token }))).toEqual(only(spendPointsAsNonSpender()));
      expect(errorsOf(await stack.query(print(REFUND_DIRECTLY), { input }, { token }))).toEqual(only(spendPointsAsNonSpender()));
    }
    expect(await points(waiting[2])).toEqual({ balance: AWARDED, entries: [award] });
  });

  it('lets a refund racing its spending either give the points back or void the spending, never neither', { timeout: RACE_TIMEOUT }, async () => {
    const { waiting } = await aQueue();
    const spender = waiting[2];
    let entriesBefore = 1;
    await repeatRace(async () => {
      const input = { reference: new Types.ObjectId().toHexString(), residentId: spender.residentId, points: 20, reason: '共享车位排队前移1位' };
      const [spent, spentAgain, refunded] = await Promise.all([
        stack.query(print(SPEND_DIRECTLY), { input }, { token: resourcesService }),
        stack.query(print(SPEND_DIRECTLY), { input }, { token: resourcesService }),
        stack.query(print(REFUND_DIRECTLY), { input }, { token: resourcesService }),
      ]);
      expect(refunded.errors).toEqual([]);
      const status = (refunded.data as { refundPoints: { status: string } }).refundPoints.status;
      const { balance, entries } = await points(spender);
      expect(balance).toBe(AWARDED);
      if (status === 'VOIDED') {
        // The refund came first: both spends are refused and the ledger has nothing new.
        expect([spent, spentAgain].map(errorsOf)).toEqual([only(spendingVoided()), only(spendingVoided())]);
        expect(entries.length).toBe(entriesBefore);
      } else {
        // A spend came first: the other answers it, and the refund gives its points back.
        expect(status).toBe('REFUNDED');
        expect([spent, spentAgain].map((answer) => answer.errors)).toEqual([[], []]);
        expect(entries.slice(0, 2)).toEqual([
          { amount: 20, source: 'REFUND', reason: '共享车位排队前移1位', recordedBy: 'service:resources', balanceAfter: AWARDED },
          { amount: -20, source: 'SPENDING', reason: '共享车位排队前移1位', recordedBy: 'service:resources', balanceAfter: AWARDED - 20 },
        ]);
        expect(entries.length).toBe(Math.min(entriesBefore + 2, 10));
      }
      entriesBefore = entries.length;
    });
  });
});

function models(): Models {
  return stack.subgraph('resources').models as unknown as Models;
}

async function sagasOf(applicant: Applicant) {
  return models().ParkingPrioritySaga.find({ applicationId: new Types.ObjectId(applicant.applicationId) }).sort({ startedAt: 1 }).lean();
}

/**
 * A saga record as a process killed mid-way leaves it (last moved two minutes ago, or just now for
 * one a live request still runs), with its spending landed on the points ledger or not.
 */
async function aSagaLeftBehind(applicant: Applicant, state: 'STARTED' | 'POINTS_DEDUCTED', places: number, { spent, fresh = false }: { spent: boolean; fresh?: boolean }): Promise<string> {
  const app = await models().ParkingApplication.findById(applicant.applicationId).lean();
  const sagaId = new Types.ObjectId();
  const reason = spendingReason(QUOTA_TITLE, places);
  if (spent) await asUser(stack, resourcesService, SPEND_DIRECTLY, { input: { reference: sagaId.toHexString(), residentId: applicant.residentId, points: priorityPrice(places), reason } });
  const movedAt = new Date(Date.now() - (fresh ? 0 : 2 * SAGA_STALE_AFTER_MS));
  await models().ParkingPrioritySaga.create({
    _id: sagaId,
    applicationId: app!._id,
    resourceId: app!.resourceId,
    servedPath: app!.servedPath,
    applicantId: app!.applicantId,
    places,
    points: priorityPrice(places),
    reason,
    state,
    failure: null,
    startedAt: movedAt,
    updatedAt: movedAt,
    finishedAt: null,
  });
  return sagaId.toHexString();
}
