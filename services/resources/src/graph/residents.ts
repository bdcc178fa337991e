import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What resources asks the residents department, through the gateway, at write time: where a resident lives. */

const RESIDENT_QUERY = graphql(`query ResourcesResident($id: ID!) { resident(id: $id) { id community { id path } } }`);

/** Where a resident lives: their community's path (root..community), [] without one; null when there is no such resident. */
export async function fetchResidentPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request(RESIDENT_QUERY, { id });
  return data.resident ? (data.resident.community?.path ?? []) : null;
}
