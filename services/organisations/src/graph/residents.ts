import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What organisations asks the residents department, through the gateway, at write time. */

const RESIDENT_EXISTS = graphql(`query OrganisationsResidentExists($id: ID!) { resident(id: $id) { id } }`);

/** Whether the residents department knows a resident with this id. */
export async function residentExists(graph: GraphClient, id: string): Promise<boolean> {
  return (await graph.request(RESIDENT_EXISTS, { id })).resident !== null;
}
