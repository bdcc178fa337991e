import { Types } from 'mongoose';
import type { Viewer } from '@civic/identity';
import { FakeGraph } from '@civic/test-harness';

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

/** The organisations department as residents asks it: the two streets' trees and their grids. */
export function organisationsGraph(): FakeGraph {
  const graph = new FakeGraph();
  graph.organisation('DISTRICT_COMMITTEE', null, ORG.district);
  graph.organisation('STREET_COMMITTEE', ORG.district, ORG.streetA);
  graph.organisation('COMMUNITY_PARTY_COMMITTEE', ORG.streetA, ORG.communityA);
  graph.organisation('PARTY_BRANCH', ORG.communityA, ORG.branchA);
  graph.organisation('VOLUNTEER_TEAM', ORG.communityA, ORG.teamA);
  graph.organisation('STREET_COMMITTEE', ORG.district, ORG.streetB);
  graph.organisation('COMMUNITY_PARTY_COMMITTEE', ORG.streetB, ORG.communityB);
  graph.organisation('PARTY_BRANCH', ORG.communityB, ORG.branchB);
  graph.grid({ level: 'MICRO', communityId: ORG.communityA }, GRID.microA);
  graph.grid({ level: 'GENERAL', communityId: ORG.communityA }, GRID.generalA);
  graph.grid({ level: 'MICRO', communityId: ORG.communityB }, GRID.microB);
  return graph;
}

export const VIEWERS = {
  streetAdminA: { subject: 'staff:street-a', residentId: null, roles: ['STREET_ADMIN'], scope: [ORG.streetA] } as Viewer,
  communityWorkerA: { subject: 'staff:community-a', residentId: null, roles: ['COMMUNITY_WORKER'], scope: [ORG.communityA] } as Viewer,
  communityWorkerB: { subject: 'staff:community-b', residentId: null, roles: ['COMMUNITY_WORKER'], scope: [ORG.communityB] } as Viewer,
  gridWorkerA: { subject: 'staff:grid-a', residentId: null, roles: ['GRID_WORKER'], scope: [ORG.communityA] } as Viewer,
  service: { subject: 'service:organisations', residentId: null, roles: ['SERVICE'], scope: [] } as Viewer,
  analyst: { subject: 'analyst:zhou', residentId: null, roles: ['ANALYST'], scope: [] } as Viewer,
};

export function residentViewer(residentId: string, roles: Viewer['roles'] = ['RESIDENT']): Viewer {
  return { subject: `resident:${residentId}`, residentId, roles, scope: [] };
}
