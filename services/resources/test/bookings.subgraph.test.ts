import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidInput, invalidTransition, ManualClock, notAnId, unknownId } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { createResource, inputs } from './support/resource-builder.ts';
import { analyst } from './support/viewers.ts';
import { outsideOpeningHours } from '../src/domain/opening-hours.ts';
import { quantityOutOfRange } from '../src/domain/stock.ts';
import { bookAsNonResident, bookForOrganisationOutOfScope, bookingTimeMissing, bookOutsideServedArea, organisationNotServed, outOfStock, quantityForSlots, readAnotherResidentsBookings, readUnmanagedResourceBookings, timeAlreadyBooked } from '../src/errors.ts';

// Friday 1 March 2030; the venue opens on Mondays (4 March).
const clock = new ManualClock(new Date('2030-03-01T08:00:00+08:00'));
const monday = (time: string) => `2030-03-04T${time}:00.000+08:00`;
const graph = new FakeGraph();
const tree = aTree(graph);
const worker = staff('COMMUNITY_WORKER', [tree.community]);
let tester: SubgraphTester<Models>;
let venue: string;

const BOOK = `mutation($input: BookResourceInput!) { bookResource(input: $input) {
  id status startsAt endsAt quantity note booker { __typename ... on Resident { id } ... on Organisation { id } } resource { id } wish { id }
} }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status cancelledAt } }`;
const STOCK = `query($id: ID!) { resource(id: $id) { availability { stock } } }`;

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
  venue = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
});

afterAll(async () => {
  await tester.close();
});

async function book(viewer: ReturnType<typeof resident>, input: Record<string, unknown>): Promise<string> {
  return dataOf<{ bookResource: { id: string } }>(await tester.execute(BOOK, { input }, viewer)).bookResource.id;
}

describe('slot bookings', () => {
  it('gives one of 20 simultaneous bookings of one slot the slot, and refuses the others, round after round', async () => {
    await repeatRace(async () => {
      const fresh = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
      const input = { resourceId: fresh, startsAt: monday('09:00'), endsAt: monday('10:00') };
      const results = await Promise.all(Array.from({ length: 20 }, () => tester.execute(BOOK, { input }, resident(graph.resident()))));
      const refusals = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(results.length - refusals.length).toBe(1);
      expect(refusals).toEqual(Array.from({ length: 19 }, () => summaryOf(timeAlreadyBooked())));
      expect(await tester.models.Booking.countDocuments({ resourceId: fresh })).toBe(1);
      expect(await tester.models.BookingSlot.countDocuments({ resourceId: fresh })).toBe(2);
    });
  }, RACE_TIMEOUT);

  it('refuses an overlapping booking, takes an adjacent one, and frees the slots on cancellation', async () => {
    await book(resident(graph.resident()), { resourceId: venue, startsAt: monday('09:00'), endsAt: monday('10:00') });
    const me = resident(graph.resident());
    const overlapping = await tester.execute(BOOK, { input: { resourceId: venue, startsAt: monday('09:30'), endsAt: monday('10:30') } }, me);
    expectError(overlapping, timeAlreadyBooked());
    // The refused booking holds no slot: all of its slots or none.
    expect(await tester.models.BookingSlot.countDocuments({ resourceId: venue })).toBe(2);

    const adjacent = await tester.execute(BOOK, { input: { resourceId: venue, startsAt: monday('10:00'), endsAt: monday('11:00'), note: '楼栋议事会' } }, me);
    const booking = dataOf<{ bookResource: { id: string } }>(adjacent).bookResource;
    expect(booking).toEqual({
      id: booking.id,
      status: 'CONFIRMED',
      startsAt: new Date(monday('10:00')),
      endsAt: new Date(monday('11:00')),
      quantity: null,
      note: '楼栋议事会',
      booker: { __typename: 'Resident', id: me.residentId },
      resource: { id: venue },
      wish: null,
    });
    expect(dataOf(await tester.execute(CANCEL, { id: booking.id }, me))).toEqual({ cancelBooking: { id: booking.id, status: 'CANCELLED', cancelledAt: clock.now() } });
    expectError(await tester.execute(CANCEL, { id: booking.id }, me), invalidTransition('Booking', 'CANCELLED', 'be cancelled'));
    expect(await tester.models.BookingSlot.countDocuments({ resourceId: venue })).toBe(2);
    await book(resident(graph.resident()), { resourceId: venue, startsAt: monday('10:00'), endsAt: monday('10:30') });
  });

  it("shows the venue's bookings to its managers only, a page at a time, from a time on", async () => {
    const QUERY = `query($id: ID!, $from: DateTime, $first: Int, $after: String) {
      resource(id: $id) { bookings(from: $from, first: $first, after: $after) { totalCount edges { node { startsAt endsAt booker { __typename } } } pageInfo { hasNextPage endCursor } } }
    }`;
    const nine = { node: { startsAt: new Date(monday('09:00')), endsAt: new Date(monday('10:00')), booker: { __typename: 'Resident' } } };
    const ten = { node: { startsAt: new Date(monday('10:00')), endsAt: new Date(monday('10:30')), booker: { __typename: 'Resident' } } };
    const bookings = (totalCount: number, edges: unknown[], hasNextPage: boolean) => ({ resource: { bookings: { totalCount, edges, pageInfo: { hasNextPage, endCursor: expect.any(String) } } } });
    expect(dataOf(await tester.execute(QUERY, { id: venue }, worker))).toEqual(bookings(2, [nine, ten], false));
    const head = dataOf<{ resource: { bookings: { pageInfo: { endCursor: string } } } }>(await tester.execute(QUERY, { id: venue, first: 1 }, worker));
    expect(head).toEqual(bookings(2, [nine], true));
    expect(dataOf(await tester.execute(QUERY, { id: venue, first: 1, after: head.resource.bookings.pageInfo.endCursor }, worker))).toEqual(bookings(2, [ten], false));
    expect(dataOf(await tester.execute(QUERY, { id: venue, from: monday('10:00') }, worker))).toEqual(bookings(1, [ten], false));
    const forResident = await tester.execute(QUERY, { id: venue }, resident(graph.resident()));
    expect(forResident.data).toEqual({ resource: { bookings: null } });
    expectError(forResident, readUnmanagedResourceBookings());
  });

  it('books for an organisation in the staff member’s scope only, and refuses bad input writing nothing', async () => {
    const before = await tester.models.Booking.countDocuments();
    const attempt = async (input: Record<string, unknown>, viewer = resident(graph.resident())) => errorOf(await tester.execute(BOOK, { input }, viewer));
    const slot = { resourceId: venue, startsAt: monday('14:00'), endsAt: monday('15:00') };
    expect(await attempt({ ...slot, organisationId: tree.propertyCompany }, staff('GRID_WORKER', [tree.otherCommunity]))).toEqual(summaryOf(bookForOrganisationOutOfScope()));
    expect(await attempt({ ...slot, organisationId: graph.resident() }, worker)).toEqual(summaryOf(unknownId('organisationId', 'organisation')));
    expect(await attempt(slot, worker)).toEqual(summaryOf(bookAsNonResident()));
    // The venue serves its community: not the neighbouring one, its residents or its organisations.
    expect(await attempt(slot, resident(graph.resident(tree.otherCommunity)))).toEqual(summaryOf(bookOutsideServedArea()));
    expect(await attempt({ ...slot, organisationId: tree.otherCommunity }, staff('STREET_ADMIN', [tree.street]))).toEqual(summaryOf(organisationNotServed()));
    expect(await attempt({ ...slot, resourceId: 'nope' })).toEqual(summaryOf(notAnId('resourceId')));
    expect(await attempt({ ...slot, startsAt: monday('12:00'), endsAt: monday('13:00') })).toEqual(summaryOf(invalidInput(outsideOpeningHours())));
    expect(await attempt({ ...slot, endsAt: undefined })).toEqual(summaryOf(bookingTimeMissing('endsAt', 'VENUE')));
    expect(await attempt({ ...slot, quantity: 2 })).toEqual(summaryOf(quantityForSlots('VENUE')));
    expect(await attempt({ ...slot, wishId: graph.resident() })).toEqual(summaryOf(unknownId('wishId', 'wish')));
    expect(await tester.models.Booking.countDocuments()).toBe(before);
    expect(await tester.models.BookingSlot.countDocuments({ resourceId: venue })).toBe(3);

    const forCompany = await book(worker, { ...slot, organisationId: tree.propertyCompany });
    expect(dataOf(await tester.execute(`query($id: ID!) { booking(id: $id) { booker { ... on Organisation { id } } } }`, { id: forCompany }, analyst))).toEqual({
      booking: { booker: { id: tree.propertyCompany } },
    });
  });
});

describe('goods bookings', () => {
  it('never takes more than the stock when 20 bookings arrive at once, round after round', async () => {
    await repeatRace(async () => {
      const wheelchairs = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 5));
      const results = await Promise.all(Array.from({ length: 20 }, () => tester.execute(BOOK, { input: { resourceId: wheelchairs, quantity: 1 } }, resident(graph.resident()))));
      const refusals = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(refusals).toEqual(Array.from({ length: 15 }, () => summaryOf(outOfStock())));
      expect(await tester.models.Booking.countDocuments({ resourceId: wheelchairs, status: 'CONFIRMED' })).toBe(5);
      expect(dataOf(await tester.execute(STOCK, { id: wheelchairs }))).toEqual({ resource: { availability: { stock: 0 } } });
    });
  }, RACE_TIMEOUT);

  it('answers a booking with the stock it left, though the checks read the stock before', async () => {
    const wheelchairs = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 5));
    const booked = await tester.execute(
      `mutation($input: BookResourceInput!) { bookResource(input: $input) { quantity resource { id availability { stock } } } }`,
      { input: { resourceId: wheelchairs, quantity: 2 } },
      resident(graph.resident()),
    );
    expect(dataOf(booked)).toEqual({ bookResource: { quantity: 2, resource: { id: wheelchairs, availability: { stock: 3 } } } });
  });

  it('gives units back on cancellation, and refuses more than is left', async () => {
    const wheelchairs = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 5));
    const bookers = Array.from({ length: 5 }, () => resident(graph.resident()));
    const taken = [];
    for (const viewer of bookers) taken.push(await book(viewer, { resourceId: wheelchairs, quantity: 1 }));
    expect(dataOf(await tester.execute(STOCK, { id: wheelchairs }))).toEqual({ resource: { availability: { stock: 0 } } });

    dataOf(await tester.execute(CANCEL, { id: taken[0] }, bookers[0]!));
    expect(dataOf(await tester.execute(STOCK, { id: wheelchairs }))).toEqual({ resource: { availability: { stock: 1 } } });
    expectError(await tester.execute(BOOK, { input: { resourceId: wheelchairs, quantity: 2 } }, bookers[0]!), outOfStock());
    expectError(await tester.execute(BOOK, { input: { resourceId: wheelchairs, quantity: 0 } }, bookers[0]!), invalidInput(quantityOutOfRange()));
    expect(dataOf(await tester.execute(STOCK, { id: wheelchairs }))).toEqual({ resource: { availability: { stock: 1 } } });
  });

  it("lists a wish's bookings and a resident's bookings to those who may read them", async () => {
    const wheelchairs = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 5));
    const wishId = graph.wish();
    const elder = resident(graph.resident());
    const helper = resident(graph.resident());
    const first = await book(helper, { resourceId: wheelchairs, quantity: 1, wishId });
    clock.advance(60_000);
    const second = await book(elder, { resourceId: wheelchairs, quantity: 1, wishId, note: '复诊用' });
    const WISH = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Wish { bookings(first: 1, after: $after) { totalCount edges { node { id wish { id } } } pageInfo { hasNextPage endCursor } } } } }`;
    const representation = { r: [{ __typename: 'Wish', id: wishId }] };
    const page = (totalCount: number, ids: string[], hasNextPage: boolean) => ({
      _entities: [{ bookings: { totalCount, edges: ids.map((id) => ({ node: { id, wish: { id: wishId } } })), pageInfo: { hasNextPage, endCursor: ids.length > 0 ? expect.any(String) : null } } }],
    });
    const head = dataOf<{ _entities: { bookings: { pageInfo: { endCursor: string } } }[] }>(await tester.execute(WISH, representation, worker));
    expect(head).toEqual(page(2, [first], true));
    expect(dataOf(await tester.execute(WISH, { ...representation, after: head._entities[0]!.bookings.pageInfo.endCursor }, worker))).toEqual(page(2, [second], false));
    // Pages and counts hold only what the caller may read: a booking resident their own, an analyst no resident's.
    expect(dataOf(await tester.execute(WISH, representation, elder))).toEqual(page(1, [second], false));
    expect(dataOf(await tester.execute(WISH, representation, staff('COMMUNITY_WORKER', [tree.otherCommunity])))).toEqual(page(0, [], false));
    expect(dataOf(await tester.execute(WISH, representation, analyst))).toEqual(page(0, [], false));

    // The elder's home, as the residents subgraph supplies it through @requires.
    const RESIDENT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { bookings { edges { node { id note } } totalCount } } } }`;
    const elderAtHome = { r: [{ __typename: 'Resident', id: elder.residentId, organisationPath: [tree.district, tree.street, tree.community] }] };
    for (const reader of [elder, staff('GRID_WORKER', [tree.community])]) {
      expect(dataOf(await tester.execute(RESIDENT, elderAtHome, reader))).toEqual({ _entities: [{ bookings: { edges: [{ node: { id: second, note: '复诊用' } }], totalCount: 1 } }] });
    }
    for (const other of [helper, staff('COMMUNITY_WORKER', [tree.otherCommunity]), analyst]) {
      expectError(await tester.execute(RESIDENT, elderAtHome, other), readAnotherResidentsBookings());
    }
  });
});

