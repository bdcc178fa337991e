import { graphCall, requestTogether, type GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What meetings asks the organisations department, through the gateway, at write time. */

const ORGANISATION_QUERY = graphql(`query MeetingsOrganisation($id: ID!) { organisation(id: $id) { id kind path ancestors { kind } } }`);

export interface OrganisationFacts {
  id: string;
  kind: string;
  /** Root first, ending with the organisation's own id. */
  path: string[];
  /** The kinds from the root down to the organisation itself (for the meeting's level). */
  kinds: string[];
}

/** Several organisations in one request; a missing id maps to null. */
export async function fetchOrganisations(graph: GraphClient, ids: readonly string[]): Promise<Map<string, OrganisationFacts | null>> {
  const unique = [...new Set(ids)];
  const answers = await requestTogether(graph, unique.map((id) => graphCall(ORGANISATION_QUERY, { id })));
  return new Map(
    unique.map((id, index) => {
      const answer = answers[index]!.organisation;
      const facts = answer && { id: answer.id, kind: answer.kind, path: answer.path, kinds: [...answer.ancestors.map((ancestor) => ancestor.kind), answer.kind] };
      return [id, facts];
    }),
  );
}

export async function fetchOrganisation(graph: GraphClient, id: string): Promise<OrganisationFacts | null> {
  return (await fetchOrganisations(graph, [id])).get(id) ?? null;
}
