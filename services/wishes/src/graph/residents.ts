import type { GraphClient } from '@civic/service-kit';

/** What wishes asks the residents department, through the gateway, at write time. */

export interface ResidentFacts {
  id: string;
  community: { id: string; path: string[] } | null;
  household: { pairedMember: { id: string } | null } | null;
  partyMembership: { branch: { id: string; path: string[] } } | null;
  volunteerProfile: { teams: { id: string; path: string[] }[] } | null;
}

const RESIDENT_QUERY = `query($id: ID!){ resident(id: $id) {
  id community { id path } household { pairedMember { id } }
  partyMembership { branch { id path } } volunteerProfile { teams { id path } }
} }`;

export async function fetchResident(graph: GraphClient, id: string): Promise<ResidentFacts | null> {
  return (await graph.request<{ resident: ResidentFacts | null }>(RESIDENT_QUERY, { id })).resident;
}
