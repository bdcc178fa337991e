import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, invalidTransition } from '@civic/service-kit';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { aWorld, startStack, OutboxReader, summaryOf, type RecordedEvent, type Stack, type World } from '@civic/test-harness';
import type { EventFacts, EventKind } from '@civic/events';
import { resourcesSubgraph } from '../src/subgraph.ts';
import { aHardshipFund, aResourceThroughGraph } from './support/graph-builders.ts';
import { approveOwnProposal, outOfStock } from '../src/errors.ts';

// The events of resources, as the resources outbox holds them after each step, through the gateway.
const clock = new ManualClock(new Date('2026-07-01T02:00:00.000Z'));
const BOOK = 'mutation($input: BookResourceInput!){ bookResource(input: $input) { id } }';
const CANCEL = 'mutation($id: ID!){ cancelBooking(id: $id) { status } }';
const PROPOSE = 'mutation($input: ProposeDisbursementInput!){ proposeDisbursement(input: $input) { id } }';
const APPROVE = 'mutation($id: ID!){ approveDisbursement(id: $id) { status } }';
let stack: Stack;
let world: World;
let outbox: OutboxReader;
let workerToken: string;
let gridId: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph], clock });
  world = await aWorld(stack);
  outbox = new OutboxReader(stack, 'resources');
  workerToken = await stack.token({ subject: 'staff:li-hong', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  gridId = await world.aMicroGrid();
}, 120_000);

afterAll(() => stack.stop());

function event<K extends EventKind>(kind: K, facts: EventFacts[K], requestId: string | null): RecordedEvent {
  return { kind, source: 'resources', occurredAt: clock.now().toISOString(), requestId, facts } as RecordedEvent;
}

/** Runs an operation as `token` with `requestId`; its data, and its errors as summaries. */
async function act<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string, requestId?: string) {
  const response = await stack.query<T>(query, variables, { token, requestId });
  return { data: response.data, errors: response.errors.map(summaryOf) };
}

describe('bookings', () => {
  it('tell of each booking made and cancelled, by a resident or an organisation, and of nothing refused', async () => {
    const wheelchairs = await aResourceThroughGraph(world, {
      pool: 'PUBLIC_WELFARE',
      kind: 'GOODS',
      title: '爱心轮椅',
      description: '供行动不便的老人临时借用。',
      providerOrganisationId: world.communityId,
      servedOrganisationId: world.communityId,
      tags: ['助老'],
      stock: 3,
    });
    await outbox.newEvents();
    const residentId = await world.aResident(await world.aHousehold(gridId), { name: '周玉梅' });
    const residentToken = await stack.token({ roles: ['RESIDENT'], residentId });

    const byResident = await act<{ bookResource: { id: string } }>(BOOK, { input: { resourceId: wheelchairs, quantity: 1 } }, residentToken, 'req-book');
    const residentBooking = byResident.data!.bookResource.id;
    const asResident = { bookingId: residentBooking, resourceId: wheelchairs, bookedBy: { type: 'Resident' as const, id: residentId } };
    expect(await outbox.newEvents()).toEqual([event('booking.made', asResident, 'req-book')]);

    const byBranch = await act<{ bookResource: { id: string } }>(BOOK, { input: { resourceId: wheelchairs, quantity: 2, organisationId: world.branchId } }, workerToken, 'req-book-branch');
    const branchBooking = byBranch.data!.bookResource.id;
    expect(await outbox.newEvents()).toEqual([
      event('booking.made', { bookingId: branchBooking, resourceId: wheelchairs, bookedBy: { type: 'Organisation', id: world.branchId } }, 'req-book-branch'),
    ]);

    expect((await act(BOOK, { input: { resourceId: wheelchairs, quantity: 1 } }, residentToken)).errors).toEqual([summaryOf(outOfStock())]);
    expect(await outbox.newEvents()).toEqual([]);

    expect((await act(CANCEL, { id: residentBooking }, residentToken, 'req-cancel')).errors).toEqual([]);
    expect(await outbox.newEvents()).toEqual([event('booking.cancelled', asResident, 'req-cancel')]);
    expect((await act(CANCEL, { id: residentBooking }, residentToken)).errors).toEqual([summaryOf(invalidTransition('Booking', 'CANCELLED', 'be cancelled'))]);
    expect(await outbox.newEvents()).toEqual([]);
  });
});

describe('a disbursement', () => {
  it('tells of its approval, with the payment, once', async () => {
    const fundId = await aHardshipFund(world, 500_000);
    const recipientId = await world.aResident(await world.aHousehold(gridId), { name: '王桂兰', specialCare: ['ILLNESS_POVERTY'] });
    const approverToken = await stack.token({ subject: 'staff:wang-min', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    const proposed = await act<{ proposeDisbursement: { id: string } }>(PROPOSE, { input: { fundId, recipientId, amountFen: 200_000, reason: '大病住院困难补助' } }, workerToken);
    const disbursementId = proposed.data!.proposeDisbursement.id;
    expect(await outbox.newEvents()).toEqual([]);

    expect((await act(APPROVE, { id: disbursementId }, workerToken)).errors).toEqual([summaryOf(approveOwnProposal())]);
    expect(await outbox.newEvents()).toEqual([]);
    expect(await act(APPROVE, { id: disbursementId }, approverToken, 'req-approve')).toEqual({ data: { approveDisbursement: { status: 'APPROVED' } }, errors: [] });
    expect(await outbox.newEvents()).toEqual([event('disbursement.approved', { disbursementId, fundId, recipientId, amountFen: 200_000 }, 'req-approve')]);
    expect((await act(APPROVE, { id: disbursementId }, approverToken)).errors).toEqual([summaryOf(invalidTransition('Disbursement', 'APPROVED', 'be approved'))]);
    expect(await outbox.newEvents()).toEqual([]);
  });
});
