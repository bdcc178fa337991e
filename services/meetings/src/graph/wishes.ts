import type { GraphClient } from '@civic/service-kit';

/** What meetings asks the wishes department at write time: that a wish taken up on an agenda exists. */

export const WISH_QUERY = 'query($id: ID!){ wish(id: $id) { id organisationPath } }';

export interface WishFacts {
  id: string;
  organisationPath: string[];
}

export async function fetchWish(graph: GraphClient, id: string): Promise<WishFacts | null> {
  const data = await graph.request<{ wish: WishFacts | null }>(WISH_QUERY, { id });
  return data.wish;
}
