import { graphCall, requestTogether, type GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What notifications asks the organisations department, through the gateway: where an organisation sits. */

const ORGANISATION_PATH_QUERY = graphql(`query NotificationsOrganisationPath($id: ID!) { organisation(id: $id) { id path } }`);

/** Each organisation's path (root first, ending with its own id), in one request; an unknown id maps to null. */
export async function fetchOrganisationPaths(graph: GraphClient, ids: readonly string[]): Promise<Map<string, string[] | null>> {
  const unique = [...new Set(ids)];
  const answers = await requestTogether(graph, unique.map((id) => graphCall(ORGANISATION_PATH_QUERY, { id })));
  return new Map(unique.map((id, index) => [id, answers[index]!.organisation?.path ?? null]));
}
