import type { GraphClient } from '@civic/service-kit';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/graph/gql.ts';

/** What meetings asks the residents department at write time: where a resident lives, and that an invitee exists. */

const RESIDENT_QUERY = graphql(`query MeetingsResident($id: ID!) { resident(id: $id) { id community { id } } }`);

export type ResidentFacts = NonNullable<ResultOf<typeof RESIDENT_QUERY>['resident']>;

export async function fetchResident(graph: GraphClient, id: string): Promise<ResidentFacts | null> {
  return (await graph.request(RESIDENT_QUERY, { id })).resident;
}
