import type { SeedSummary } from '../seed/summary.ts';
import type { Caller, Callers } from './callers.ts';
import type { Operation } from './graphql-client.ts';
import { setUp } from './setup-request.ts';

/** A seeded resident the bench acts as, with the grid their household is in. */
export interface BenchResident {
  id: string;
  gridId: string;
}

/**
 * What the scenarios act on, found in the seeded data through the gateway: the seed's street and
 * its first community, staff of both, residents of the community and one of its volunteers.
 */
export interface BenchWorld {
  gatewayUrl: string;
  districtId: string;
  streetId: string;
  communityId: string;
  microGridId: string;
  meetingId: string;
  anonymous: Caller;
  districtAdmin: Caller;
  streetAdmin: Caller;
  communityWorker: Caller;
  /** The seed's sample resident: a neighbour with activities to show. */
  sampleResident: Caller;
  volunteer: { id: string; caller: Caller };
  /** Residents of the community, the volunteer and the sample resident left out. */
  residents: BenchResident[];
  residentCaller(residentId: string): Promise<Caller>;
  /** A setup step through the gateway, as the street admin unless told: its data, or SetupFailedError. */
  setUp<TData>(step: string, operation: Operation, caller?: Caller): Promise<TData>;
}

// One page at the largest page size: the residents of one activity's seats or one project's votes.
const RESIDENTS_FETCHED = 100;

type Ids = { edges: { node: { id: string } }[] };

export async function findBenchWorld(gatewayUrl: string, callers: Callers, summary: SeedSummary): Promise<BenchWorld> {
  const districtId = required(summary.districtId, 'a district');
  const streetId = required(summary.streetId, 'a street');
  const communityId = required(summary.communityIds[0], 'a community');
  const sampleResidentId = required(summary.sampleResidentId, 'a sample resident');
  const streetAdmin = await callers.staff('STREET_ADMIN', streetId);
  const communityWorker = await callers.staff('COMMUNITY_WORKER', communityId);
  const step = <TData>(what: string, operation: Operation, caller: Caller = streetAdmin) => setUp<TData>(gatewayUrl, what, operation, caller);

  const { grids } = await step<{ grids: Ids }>(
    'finding a micro grid',
    { query: 'query($c: ID!){ grids(filter: { communityId: $c, level: MICRO }, first: 1) { edges { node { id } } } }', variables: { c: communityId } },
    communityWorker,
  );
  const { meetings } = await step<{ meetings: Ids }>(
    'finding a coordination meeting',
    { query: 'query($c: ID!){ meetings(filter: { hostWithin: $c, kind: COORDINATION }, first: 1) { edges { node { id } } } }', variables: { c: communityId } },
    communityWorker,
  );
  const { volunteers } = await step<{ volunteers: Ids }>('finding a volunteer', {
    query: 'query($c: ID!){ volunteers: residents(filter: { communityId: $c, volunteer: true }, first: 1) { edges { node { id } } } }',
    variables: { c: communityId },
  });
  const volunteerId = required(volunteers.edges[0]?.node.id, `a volunteer in community ${communityId}`);
  const { residents } = await step<{ residents: { edges: { node: { id: string; grid: { id: string } | null } }[] } }>('finding residents', {
    query: 'query($c: ID!, $first: Int){ residents(filter: { communityId: $c }, first: $first) { edges { node { id grid { id } } } } }',
    variables: { c: communityId, first: RESIDENTS_FETCHED },
  });
  const pool = residents.edges
    .map(({ node }) => (node.grid ? { id: node.id, gridId: node.grid.id } : null))
    .filter((resident): resident is BenchResident => resident !== null && resident.id !== volunteerId && resident.id !== sampleResidentId);
  if (pool.length === 0) throw new Error(`The seed holds no residents with a grid in community ${communityId}`);

  const residentCallers = new Map<string, Promise<Caller>>();
  return {
    gatewayUrl,
    districtId,
    streetId,
    communityId,
    microGridId: required(grids.edges[0]?.node.id, `a micro grid in community ${communityId}`),
    meetingId: required(meetings.edges[0]?.node.id, `a coordination meeting in community ${communityId}`),
    anonymous: callers.anonymous(),
    districtAdmin: await callers.staff('DISTRICT_ADMIN', districtId),
    streetAdmin,
    communityWorker,
    sampleResident: await callers.resident(sampleResidentId),
    volunteer: { id: volunteerId, caller: await callers.resident(volunteerId, ['RESIDENT', 'VOLUNTEER']) },
    residents: pool,
    residentCaller(residentId) {
      let caller = residentCallers.get(residentId);
      if (!caller) residentCallers.set(residentId, (caller = callers.resident(residentId)));
      return caller;
    },
    setUp: step,
  };
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The seed holds no ${what} to act on`);
  return value;
}
