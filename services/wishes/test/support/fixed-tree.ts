import type { GraphClient } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';

/**
 * The rest of the graph for subgraph tests: a small fixed tree (district d, street s, community c
 * with micro-grid g) answering the queries wishes sends at write time.
 */
export const TREE = {
  district: '65f000000000000000000001',
  street: '65f000000000000000000002',
  community: '65f000000000000000000003',
  branch: '65f000000000000000000004',
  grid: '65f000000000000000000005',
  requester: '65f000000000000000000010',
} as const;

const PATH = [TREE.district, TREE.street, TREE.community];

export function fakeGraph(): GraphClient {
  return {
    request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      if (query.includes('grid(id:')) {
        const found = variables.id === TREE.grid;
        return Promise.resolve({
          grid: found ? { id: TREE.grid, level: 'MICRO', organisationPath: PATH, community: { id: TREE.community }, responsiblePerson: null, partyBranch: { id: TREE.branch } } : null,
        } as T);
      }
      if (query.includes('resident(id:')) {
        const id = String(variables.id);
        return Promise.resolve({
          resident: { id, community: { id: TREE.community, path: PATH }, household: { pairedMember: null }, partyMembership: null, volunteerProfile: { teams: [] } },
        } as T);
      }
      if (query.includes('agreements(')) {
        return Promise.resolve({ agreements: [], k0: { edges: [] }, k1: { edges: [] }, k2: { edges: [] } } as T);
      }
      const answers: Record<string, unknown> = {};
      for (const [key, id] of Object.entries(variables)) {
        const known = ([...PATH, TREE.branch] as string[]).indexOf(String(id));
        answers[key.replace('id', 'o')] = known < 0 ? null : { id, kind: ['DISTRICT_COMMITTEE', 'STREET_COMMITTEE', 'COMMUNITY_PARTY_COMMITTEE', 'PARTY_BRANCH'][known], path: PATH.slice(0, known + 1), partnerships: [] };
      }
      return Promise.resolve(answers as T);
    },
  };
}

export const viewers = {
  requester: { subject: TREE.requester, residentId: TREE.requester, roles: ['RESIDENT'], scope: [] } as Viewer,
  worker: { subject: 'worker', residentId: null, roles: ['COMMUNITY_WORKER'], scope: [TREE.community] } as Viewer,
  sweeper: { subject: 'service:wishes', residentId: null, roles: ['SERVICE'], scope: [] } as Viewer,
  volunteer: (n: number): Viewer => {
    const id = `65f1${String(n).padStart(20, '0')}`;
    return { subject: id, residentId: id, roles: ['RESIDENT', 'VOLUNTEER'], scope: [] } as Viewer;
  },
};
