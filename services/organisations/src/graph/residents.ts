import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What organisations asks the residents department, through the gateway, at write time. */

const RESIDENT_EXISTS = graphql(`query OrganisationsResidentExists($id: ID!) { resident(id: $id) { id } }`);

/** Whether the residents department knows a resident with this id. */
export async function residentExists(graph: GraphClient, id: string): Promise<boolean> {
  return (await graph.request(RESIDENT_EXISTS, { id })).resident !== null;
}

const RESIDENT_HOME = graphql(`query OrganisationsResidentHome($id: ID!) { resident(id: $id) { id community { id } grid { id } } }`);

/** Where a resident lives: their community and grid ids (null when not known), or null when there is no such resident. */
export async function fetchResidentHome(graph: GraphClient, id: string): Promise<{ communityId: string | null; gridId: string | null } | null> {
  const { resident } = await graph.request(RESIDENT_HOME, { id });
  return resident && { communityId: resident.community?.id ?? null, gridId: resident.grid?.id ?? null };
}
