import type { GraphClient } from '@civic/service-kit';

/** What meetings asks the residents department at write time: where a resident lives, and that an invitee exists. */

export const RESIDENT_QUERY = 'query($id: ID!){ resident(id: $id) { id community { id } } }';

export interface ResidentFacts {
  id: string;
  community: { id: string } | null;
}

export async function fetchResident(graph: GraphClient, id: string): Promise<ResidentFacts | null> {
  const data = await graph.request<{ resident: ResidentFacts | null }>(RESIDENT_QUERY, { id });
  return data.resident;
}
