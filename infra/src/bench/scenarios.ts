import type { Role } from '@civic/identity';
// By relative path, not as @civic/test-harness: the harness depends on @civic/infra, so a package
// dependency back would be a cycle. The bench is a tool that borrows the harness's stack.
import type { GraphResponse, Stack } from '../../../shared/test-harness/src/stack.ts';
import type { SeedSummary } from '../seed/summary.ts';

/** One query as a kind of user sends it: the operation, its variables and the caller's token. */
export interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Absent for anonymous callers. */
  token?: string;
}

/** A response with errors: a benchmark of failing requests measures nothing worth knowing. */
export class ScenarioFailedError extends Error {
  constructor(
    readonly scenario: string,
    readonly response: GraphResponse,
  ) {
    super(`${scenario}: HTTP ${response.status}, ${response.errors.length} error(s)`);
  }
}

export async function send(stack: Stack, scenario: Scenario): Promise<void> {
  const response = await stack.query(scenario.query, scenario.variables, { token: scenario.token });
  if (response.status !== 200 || response.errors.length > 0 || response.data === null) throw new ScenarioFailedError(scenario.name, response);
}

const ORGANISATIONS = `query Organisations {
  organisations(first: 20) { edges { node { name kind parent { name } } } }
}`;

const COMMUNITY_RESIDENTS = `query CommunityResidents($communityId: ID!) {
  residents(filter: { communityId: $communityId }, first: 50) {
    edges { node { name phone household { building unit room } grid { name level } activities { title } } }
  }
}`;

const FIRST_MICRO_GRID = `query FirstMicroGrid($communityId: ID!) {
  grids(filter: { communityId: $communityId, level: MICRO }, first: 1) { edges { node { id } } }
}`;

const MICRO_GRID = `query MicroGrid($id: ID!) {
  grid(id: $id) {
    name
    sizeCheck { householdCount withinStandard message }
    residents(first: 20) { edges { node { name household { room } } } }
  }
}`;

const ME = `query Me {
  me { name points { balance } activities { title } serviceHours }
}`;

const ACTIVITIES_AND_POSTS = `query ActivitiesAndPosts {
  activities(first: 20) { edges { node { title host { name } signedUpCount capacity } } }
  posts(first: 20) { edges { node { title publisher { name } } } }
}`;

const COMMUNITY_WISHES = `query CommunityWishes($communityId: ID!) {
  wishes(filter: { communityId: $communityId }, first: 50) {
    edges { node { title status requester { name } claimant { ... on Resident { name } ... on Organisation { name } } grid { name } } }
  }
}`;

const FIRST_MEETING = `query FirstMeeting($communityId: ID!) {
  meetings(filter: { hostWithin: $communityId, kind: COORDINATION }, first: 1) { edges { node { id } } }
}`;

const MEETING = `query Meeting($id: ID!) {
  meeting(id: $id) {
    title level status hosts { name }
    agenda { position title wish { title status } decision { text } }
    participants { role reply attended resident { name } organisation { name } }
    quorum { met present required }
  }
}`;

// Long enough for the slowest run (a district seed and its scans), like a working day's token.
const TOKEN_TTL_SECONDS = 24 * 3600;

/** The seven queries, with tokens for the seeded street, its first community and a sample resident. */
export async function buildScenarios(stack: Stack, summary: SeedSummary): Promise<Scenario[]> {
  const streetId = required(summary.streetId, 'a street');
  const communityId = required(summary.communityIds[0], 'a community');
  const residentId = required(summary.sampleResidentId, 'a sample resident');
  const token = (subject: string, roles: Role[], scope: string[] = [], resident?: string) =>
    stack.token({ subject, roles, scope, residentId: resident ?? null }, TOKEN_TTL_SECONDS);

  const streetAdmin = await token('bench:street-admin', ['STREET_ADMIN'], [streetId]);
  const communityWorker = await token('bench:community-worker', ['COMMUNITY_WORKER'], [communityId]);
  const resident = await token(`bench:resident:${residentId}`, ['RESIDENT'], [], residentId);

  const gridId = await firstId(stack, 'a micro grid', FIRST_MICRO_GRID, { communityId }, communityWorker);
  const meetingId = await firstId(stack, 'a coordination meeting', FIRST_MEETING, { communityId }, communityWorker);
  return [
    { name: 'organisations, anonymous', query: ORGANISATIONS, variables: {} },
    { name: 'community residents, street admin', query: COMMUNITY_RESIDENTS, variables: { communityId }, token: streetAdmin },
    { name: 'micro grid, community worker', query: MICRO_GRID, variables: { id: gridId }, token: communityWorker },
    { name: 'me, resident', query: ME, variables: {}, token: resident },
    { name: 'activities and posts, anonymous', query: ACTIVITIES_AND_POSTS, variables: {} },
    { name: '50 wishes with requester, claimant, grid, street admin', query: COMMUNITY_WISHES, variables: { communityId }, token: streetAdmin },
    { name: 'a meeting with agenda, participants, wishes, community worker', query: MEETING, variables: { id: meetingId }, token: communityWorker },
  ];
}

/** The id of the first node of a one-edge connection query, whatever its field is called. */
async function firstId(stack: Stack, what: string, query: string, variables: Record<string, unknown>, token: string): Promise<string> {
  const response = await stack.query<Record<string, { edges: { node: { id: string } }[] }>>(query, variables, { token });
  if (response.errors.length > 0 || response.data === null) throw new ScenarioFailedError(`finding ${what}`, response as GraphResponse);
  const [connection] = Object.values(response.data);
  return required(connection?.edges[0]?.node.id, `${what} in community ${String(variables.communityId)}`);
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The seed holds no ${what} to query`);
  return value;
}
