import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What resources asks the organisations department, through the gateway, at write time. */

const ORGANISATION_PATH_QUERY = graphql(`query ResourcesOrganisationPath($id: ID!) { organisation(id: $id) { id path } }`);

/** The organisation's path (root..itself), or null when there is no such organisation. */
export async function fetchOrganisationPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request(ORGANISATION_PATH_QUERY, { id });
  return data.organisation?.path ?? null;
}
