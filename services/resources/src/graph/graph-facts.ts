import type { GraphClient } from '@civic/service-kit';

/** What resources asks other departments, through the gateway, at write time. */

export const ORGANISATION_PATH_QUERY = 'query($id: ID!){ organisation(id: $id) { id path } }';
export const RESIDENT_QUERY = 'query($id: ID!){ resident(id: $id) { id community { id path } } }';
export const WISH_QUERY = 'query($id: ID!){ wish(id: $id) { id } }';

/** The organisation's path (root..itself), or null when there is no such organisation. */
export async function fetchOrganisationPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request<{ organisation: { id: string; path: string[] } | null }>(ORGANISATION_PATH_QUERY, { id });
  return data.organisation?.path ?? null;
}

/** Where a resident lives: their community's path (root..community), [] without one; null when there is no such resident. */
export async function fetchResidentPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request<{ resident: { id: string; community: { id: string; path: string[] } | null } | null }>(RESIDENT_QUERY, { id });
  return data.resident ? (data.resident.community?.path ?? []) : null;
}

export async function wishExists(graph: GraphClient, id: string): Promise<boolean> {
  const data = await graph.request<{ wish: { id: string } | null }>(WISH_QUERY, { id });
  return data.wish !== null;
}
