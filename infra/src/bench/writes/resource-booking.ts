import { openingWindows, type Weekday } from '@civic/resources/seed';
import type { BenchWorld } from '../bench-world.ts';
import type { Scenario } from '../scenario.ts';
import { takenSlots, upcomingSlots } from './upcoming-slots.ts';

// Upcoming bookings, a page at a time: the slots they hold are not handed out again.
const BOOKING_PAGE = 'fragment BookingPage on BookingConnection { edges { node { startsAt endsAt } } pageInfo { hasNextPage endCursor } }';
const SLOT_RESOURCES = `query SlotResources($communityId: ID!) {
  organisation(id: $communityId) { path }
  resources(filter: { within: $communityId }, first: 100) {
    edges { node { id kind servedPath availability { openingHours { weekday opens closes } slotMinutes } bookings(first: 100) { ...BookingPage } } }
  }
}
${BOOKING_PAGE}`;
const MORE_BOOKINGS = `query MoreBookings($id: ID!, $after: String!) {
  resource(id: $id) { bookings(first: 100, after: $after) { ...BookingPage } }
}
${BOOKING_PAGE}`;
const BOOK = `mutation Book($input: BookResourceInput!) {
  bookResource(input: $input) { id status }
}`;
const SLOT_KINDS = new Set(['VENUE', 'SERVICE', 'EXPERT']);
// A year of a community's rooms and services holds more free slots than any run books.
const DAYS_AHEAD = 366;
const MINUTE = 60_000;

interface SlotResource {
  id: string;
  kind: string;
  servedPath: string[];
  availability: { openingHours: { weekday: Weekday; opens: string; closes: string }[]; slotMinutes: number | null };
  bookings: BookingPage;
}

interface BookingPage {
  edges: { node: { startsAt: string; endsAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Residents book one slot of a room or a service that serves their community. The free slots of
 * the coming year (seeded bookings left out) are handed out once each, going round the
 * resources, so no request asks for a time another booking holds.
 */
export async function resourceBookingScenario(world: BenchWorld): Promise<Scenario> {
  const { organisation, resources } = await world.setUp<{ organisation: { path: string[] }; resources: { edges: { node: SlotResource }[] } }>('finding bookable resources', {
    query: SLOT_RESOURCES,
    variables: { communityId: world.communityId },
  });
  const tomorrow = new Date(Date.now() + 24 * 60 * MINUTE);
  const slotResources = resources.edges.map(({ node }) => node).filter((resource) => SLOT_KINDS.has(resource.kind) && organisation.path.includes(resource.servedPath.at(-1)!));
  const bookings = new Map(await Promise.all(slotResources.map(async (resource) => [resource.id, await allBookings(world, resource)] as const)));
  const perResource = slotResources
    .map((resource) => {
      const slotMinutes = resource.availability.slotMinutes!;
      const windows = openingWindows(resource.availability.openingHours, slotMinutes);
      if ('error' in windows) throw new Error(`resource ${resource.id}: ${windows.error.field} ${windows.error.message}`);
      const taken = takenSlots(bookings.get(resource.id)!.map((booking) => ({ startsAt: new Date(booking.startsAt), endsAt: new Date(booking.endsAt) })), slotMinutes);
      return upcomingSlots(windows.windows, slotMinutes, tomorrow, DAYS_AHEAD, taken).map((startsAt) => ({ resourceId: resource.id, startsAt, slotMinutes }));
    });
  if (perResource.length === 0) throw new Error(`The seed holds no bookable room or service serving community ${world.communityId}`);
  const free = roundRobin(perResource);

  let booked = 0;
  return {
    name: 'book a resource slot, resident',
    kind: 'write',
    subgraph: 'resources',
    async prepare(count) {
      if (booked + count > free.length) throw new Error(`Only ${free.length - booked} free slots are left to book, not ${count}`);
      const slots = free.slice(booked, booked + count);
      return Promise.all(
        slots.map(async ({ resourceId, startsAt, slotMinutes }) => {
          const resident = world.residents[booked++ % world.residents.length]!;
          const endsAt = new Date(startsAt.getTime() + slotMinutes * MINUTE);
          return {
            operation: { query: BOOK, variables: { input: { resourceId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } } },
            caller: await world.residentCaller(resident.id),
          };
        }),
      );
    },
  };
}

/** Every upcoming booking of a resource: the page that came with it, then the pages after it. */
async function allBookings(world: BenchWorld, resource: SlotResource): Promise<{ startsAt: string; endsAt: string }[]> {
  const nodes = resource.bookings.edges.map(({ node }) => node);
  let { pageInfo } = resource.bookings;
  while (pageInfo.hasNextPage) {
    const { resource: more } = await world.setUp<{ resource: { bookings: BookingPage } }>('finding booked slots', {
      query: MORE_BOOKINGS,
      variables: { id: resource.id, after: pageInfo.endCursor },
    });
    nodes.push(...more.bookings.edges.map(({ node }) => node));
    pageInfo = more.bookings.pageInfo;
  }
  return nodes;
}

/** The first of each list, then the second of each, and so on. */
function roundRobin<T>(lists: readonly T[][]): T[] {
  const longest = Math.max(...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) => lists.flatMap((list) => (index < list.length ? [list[index]!] : []))).flat();
}
