import { Types } from 'mongoose';
import { buildSchema, graphql } from 'graphql';
import type { Viewer } from '@civic/identity';
import type { GraphClient } from '@civic/service-kit';

/**
 * A small district as the organisations department would describe it, and the viewers who act in
 * it. Ids are fixed ObjectIds so that test output is readable.
 */
const id = (suffix: number) => new Types.ObjectId(suffix.toString(16).padStart(24, '0')).toHexString();

export const ORG = {
  district: id(1),
  streetA: id(2),
  communityA: id(3),
  streetB: id(4),
  communityB: id(5),
  branchA: id(6),
  teamA: id(7),
  branchB: id(8),
};

/** A resident id that belongs to no one in the tests: a stranger's. */
export const STRANGER_ID = id(900);

export const GRID = { microA: id(101), generalA: id(102), microB: id(103), missing: id(199) };

interface GridRow {
  id: string;
  level: 'COMMUNITY' | 'GENERAL' | 'MICRO';
  organisationPath: string[];
  community: { id: string };
}

const PATH_A = [ORG.district, ORG.streetA, ORG.communityA];
const PATH_B = [ORG.district, ORG.streetB, ORG.communityB];

const GRIDS: GridRow[] = [
  { id: GRID.microA, level: 'MICRO', organisationPath: PATH_A, community: { id: ORG.communityA } },
  { id: GRID.generalA, level: 'GENERAL', organisationPath: PATH_A, community: { id: ORG.communityA } },
  { id: GRID.microB, level: 'MICRO', organisationPath: PATH_B, community: { id: ORG.communityB } },
];

const ORGANISATIONS = [
  { id: ORG.communityA, kind: 'COMMUNITY_PARTY_COMMITTEE' },
  { id: ORG.branchA, kind: 'PARTY_BRANCH' },
  { id: ORG.branchB, kind: 'PARTY_BRANCH' },
  { id: ORG.teamA, kind: 'VOLUNTEER_TEAM' },
];

// The part of the organisations schema that residents asks about.
const organisationsSchema = buildSchema(`
  enum GridLevel { COMMUNITY GENERAL MICRO }
  type Organisation { id: ID! kind: String! }
  type Grid { id: ID! level: GridLevel! organisationPath: [ID!]! community: Organisation! }
  type Query { grid(id: ID!): Grid organisation(id: ID!): Organisation }
`);

export interface RecordingGraph extends GraphClient {
  requests: { query: string; variables: Record<string, unknown> }[];
}

/** The other department's answers, from the tables above, through a real GraphQL execution. */
export function organisationsGraph(): RecordingGraph {
  const requests: RecordingGraph['requests'] = [];
  return {
    requests,
    async request<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
      requests.push({ query, variables });
      const result = await graphql({
        schema: organisationsSchema,
        source: query,
        variableValues: variables,
        rootValue: {
          grid: ({ id }: { id: string }) => GRIDS.find((grid) => grid.id === id) ?? null,
          organisation: ({ id }: { id: string }) => ORGANISATIONS.find((organisation) => organisation.id === id) ?? null,
        },
      });
      if (result.errors?.length) throw new Error(`The graph refused a service query: ${result.errors[0]!.message}`);
      return result.data as TData;
    },
  };
}

export const VIEWERS = {
  streetAdminA: { subject: 'staff:street-a', residentId: null, roles: ['STREET_ADMIN'], scope: [ORG.streetA] } as Viewer,
  communityWorkerA: { subject: 'staff:community-a', residentId: null, roles: ['COMMUNITY_WORKER'], scope: [ORG.communityA] } as Viewer,
  communityWorkerB: { subject: 'staff:community-b', residentId: null, roles: ['COMMUNITY_WORKER'], scope: [ORG.communityB] } as Viewer,
  gridWorkerA: { subject: 'staff:grid-a', residentId: null, roles: ['GRID_WORKER'], scope: [ORG.communityA] } as Viewer,
  service: { subject: 'service:organisations', residentId: null, roles: ['SERVICE'], scope: [] } as Viewer,
};

export function residentViewer(residentId: string, roles: Viewer['roles'] = ['RESIDENT']): Viewer {
  return { subject: `resident:${residentId}`, residentId, roles, scope: [] };
}
