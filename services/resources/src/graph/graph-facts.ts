import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What resources asks other departments, through the gateway, at write time. */

const ORGANISATION_PATH_QUERY = graphql(`query ResourcesOrganisationPath($id: ID!) { organisation(id: $id) { id path } }`);
const RESIDENT_QUERY = graphql(`query ResourcesResident($id: ID!) { resident(id: $id) { id community { id path } } }`);
const WISH_QUERY = graphql(`query ResourcesWish($id: ID!) { wish(id: $id) { id } }`);

/** The organisation's path (root..itself), or null when there is no such organisation. */
export async function fetchOrganisationPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request(ORGANISATION_PATH_QUERY, { id });
  return data.organisation?.path ?? null;
}

/** Where a resident lives: their community's path (root..community), [] without one; null when there is no such resident. */
export async function fetchResidentPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request(RESIDENT_QUERY, { id });
  return data.resident ? (data.resident.community?.path ?? []) : null;
}

export async function wishExists(graph: GraphClient, id: string): Promise<boolean> {
  const data = await graph.request(WISH_QUERY, { id });
  return data.wish !== null;
}
