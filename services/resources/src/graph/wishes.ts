import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What resources asks the wishes department, through the gateway, at write time: that a booking's wish exists. */

const WISH_QUERY = graphql(`query ResourcesWish($id: ID!) { wish(id: $id) { id } }`);

export async function wishExists(graph: GraphClient, id: string): Promise<boolean> {
  const data = await graph.request(WISH_QUERY, { id });
  return data.wish !== null;
}
