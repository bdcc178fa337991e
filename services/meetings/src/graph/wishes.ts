import type { GraphClient } from '@civic/service-kit';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/graph/gql.ts';

/** What meetings asks the wishes department at write time: that a wish taken up on an agenda exists. */

const WISH_QUERY = graphql(`query MeetingsWish($id: ID!) { wish(id: $id) { id organisationPath } }`);

export type WishFacts = NonNullable<ResultOf<typeof WISH_QUERY>['wish']>;

export async function fetchWish(graph: GraphClient, id: string): Promise<WishFacts | null> {
  return (await graph.request(WISH_QUERY, { id })).wish;
}
