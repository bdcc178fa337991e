import { FakeGraph, type FakeResident } from '@civic/test-harness';
import type { Viewer } from '@civic/identity';

/**
 * The rest of the graph for subgraph tests: a small fixed tree (district, street, community with
 * its party branch and a micro-grid) in the harness's fake graph, and the residents who act in it.
 */
export const TREE = {
  district: '65f000000000000000000001',
  street: '65f000000000000000000002',
  community: '65f000000000000000000003',
  branch: '65f000000000000000000004',
  grid: '65f000000000000000000005',
  requester: '65f000000000000000000010',
} as const;

/** Residents of the community with a household (not paired) and a volunteer profile in no team. */
const NEIGHBOUR: FakeResident = { household: { pairedMemberId: null }, volunteerTeamIds: [] };

export const graph = new FakeGraph();
graph.organisation('DISTRICT_COMMITTEE', null, TREE.district);
graph.organisation('STREET_COMMITTEE', TREE.district, TREE.street);
graph.organisation('COMMUNITY_PARTY_COMMITTEE', TREE.street, TREE.community);
graph.organisation('PARTY_BRANCH', TREE.community, TREE.branch);
graph.grid({ level: 'MICRO', communityId: TREE.community, partyBranchId: TREE.branch }, TREE.grid);
graph.resident(TREE.community, NEIGHBOUR, TREE.requester);

export const viewers = {
  requester: { subject: TREE.requester, residentId: TREE.requester, roles: ['RESIDENT'], scope: [] } as Viewer,
  worker: { subject: 'worker', residentId: null, roles: ['COMMUNITY_WORKER'], scope: [TREE.community] } as Viewer,
  sweeper: { subject: 'service:wishes', residentId: null, roles: ['SERVICE'], scope: [] } as Viewer,
  /** The n-th volunteer of the community, known to the graph from the first time a test names them. */
  volunteer: (n: number): Viewer => {
    const id = graph.resident(TREE.community, NEIGHBOUR, `65f1${String(n).padStart(20, '0')}`);
    return { subject: id, residentId: id, roles: ['RESIDENT', 'VOLUNTEER'], scope: [] } as Viewer;
  },
};
