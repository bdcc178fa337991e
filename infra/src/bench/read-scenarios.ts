import { registeredOperation } from '../operations/registered-operations.ts';
import type { BenchWorld } from './bench-world.ts';
import { repeated, type Scenario } from './scenario.ts';

/**
 * The seven reads the front line sends most, each as the user who sends it. The expected command
 * counts follow from each query's shape: one command per entity type on each path of each plan
 * level, so a page of 100 costs what a page of 20 does. (Subgraphs in infra/supergraph.yaml's order.)
 * The documents are registered operations (infra/operations/), so the schema check guards them.
 */

const PAGE_LENGTH = 20;
const LONG_PAGE_LENGTH = 50;

const ORGANISATIONS = registeredOperation('Organisations');
const COMMUNITY_RESIDENTS = registeredOperation('CommunityResidents');
const MICRO_GRID = registeredOperation('MicroGrid');
const ME = registeredOperation('Me');
const ACTIVITIES_AND_POSTS = registeredOperation('ActivitiesAndPosts');
const COMMUNITY_WISHES = registeredOperation('CommunityWishes');
const MEETING = registeredOperation('Meeting');
const SCORECARD_RANKING = registeredOperation('ScorecardRanking');

/** The twelve China months up to and including the seed's (the seeded wishes reach today). */
export function yearUpTo(now: Date): { from: string; to: string } {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const month = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const current = china.getUTCFullYear() * 12 + china.getUTCMonth();
  return { from: month(current - 11), to: month(current) };
}

export function readScenarios(world: BenchWorld): Scenario[] {
  return [
    {
      name: `${PAGE_LENGTH} organisations with their parents, anonymous`,
      kind: 'read',
      subgraph: 'organisations',
      paged: true,
      // organisations; their parents.
      expectedCommands: { organisations: 2 },
      prepare: repeated({ operation: { query: ORGANISATIONS, variables: { first: PAGE_LENGTH } }, caller: world.anonymous }),
    },
    {
      name: `${LONG_PAGE_LENGTH} residents with households, grids, activities, street admin`,
      kind: 'read',
      paged: true,
      // residents; households | grids | sign-ups, then their activities.
      expectedCommands: { residents: 2, organisations: 3 },
      prepare: repeated({ operation: { query: COMMUNITY_RESIDENTS, variables: { communityId: world.communityId, first: LONG_PAGE_LENGTH } }, caller: world.streetAdmin }),
    },
    {
      name: `a micro grid with ${PAGE_LENGTH} residents, community worker`,
      kind: 'read',
      paged: true,
      // the grid; its household count | its residents, then their households.
      expectedCommands: { residents: 3, organisations: 1 },
      prepare: repeated({ operation: { query: MICRO_GRID, variables: { id: world.microGridId, first: PAGE_LENGTH } }, caller: world.communityWorker }),
    },
    {
      name: '`me` with points, activities, service hours, resident',
      kind: 'read',
      // the resident; points | sign-ups, then their activities | check-ins.
      expectedCommands: { residents: 2, organisations: 3 },
      prepare: repeated({ operation: { query: ME, variables: {} }, caller: world.sampleResident }),
    },
    {
      name: `${PAGE_LENGTH} activities and ${PAGE_LENGTH} posts, anonymous`,
      kind: 'read',
      subgraph: 'organisations',
      paged: true,
      // activities (each carries its sign-up count) | posts; the hosts | the publishers.
      expectedCommands: { organisations: 4 },
      prepare: repeated({ operation: { query: ACTIVITIES_AND_POSTS, variables: { first: PAGE_LENGTH } }, caller: world.anonymous }),
    },
    {
      name: `${LONG_PAGE_LENGTH} wishes with requester, claimant, grid, street admin`,
      kind: 'read',
      paged: true,
      // wishes; requesters | resident claimants | organisation claimants | grids.
      expectedCommands: { residents: 2, organisations: 2, wishes: 1 },
      prepare: repeated({ operation: { query: COMMUNITY_WISHES, variables: { communityId: world.communityId, first: LONG_PAGE_LENGTH } }, caller: world.streetAdmin }),
    },
    {
      name: 'a meeting with agenda, participants, wishes, community worker',
      kind: 'read',
      // the meeting; its agenda | a page of its participants | all of them for the quorum; hosts | participant organisations | participant residents | wishes on the agenda.
      expectedCommands: { residents: 1, organisations: 2, meetings: 4, wishes: 1 },
      prepare: repeated({ operation: { query: MEETING, variables: { id: world.meetingId } }, caller: world.communityWorker }),
    },
    {
      // The district's property companies over a year: a report, not a front-line page (issue 13 asks under 2 s).
      name: `scorecard ranking of the district's property companies over a year, ${PAGE_LENGTH} per page, district admin`,
      kind: 'read',
      paged: true,
      prepare: repeated({
        operation: { query: SCORECARD_RANKING, variables: { districtId: world.districtId, period: yearUpTo(new Date()), first: PAGE_LENGTH } },
        caller: world.districtAdmin,
      }),
    },
  ];
}
