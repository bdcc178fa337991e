import type { GraphClient } from '@civic/service-kit';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/graph/gql.ts';

/** What wishes asks the residents department, through the gateway, at write time. */

const RESIDENT_QUERY = graphql(`query WishesResident($id: ID!) { resident(id: $id) {
  id community { id path } household { pairedMember { id } }
  partyMembership { branch { id path } } volunteerProfile { teams { id path } }
} }`);

export type ResidentFacts = NonNullable<ResultOf<typeof RESIDENT_QUERY>['resident']>;

export async function fetchResident(graph: GraphClient, id: string): Promise<ResidentFacts | null> {
  return (await graph.request(RESIDENT_QUERY, { id })).resident;
}
