import type { GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';
import type { OrganisationsGridHouseholdsQuery } from '../generated/graph/graphql.ts';

/** What organisations asks the residents department, through the gateway, at write time. */

const RESIDENT_HOME = graphql(`query OrganisationsResidentHome($id: ID!) { resident(id: $id) { id community { id } grid { id } } }`);

const GRID_HOUSEHOLDS = graphql(`
  query OrganisationsGridHouseholds($id: ID!, $after: String) {
    grid(id: $id) { households(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }
  }
`);

/** Where a resident lives: their community and their household's grid (null when not known); null when residents knows no such resident. */
export async function residentHome(graph: GraphClient, id: string): Promise<{ communityId: string | null; gridId: string | null } | null> {
  const { resident } = await graph.request(RESIDENT_HOME, { id });
  return resident && { communityId: resident.community?.id ?? null, gridId: resident.grid?.id ?? null };
}

/** Every household registered in the grid, in registration order, page by page. */
export async function householdsOfGrid(graph: GraphClient, gridId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: OrganisationsGridHouseholdsQuery = await graph.request(GRID_HOUSEHOLDS, { id: gridId, after });
    const page = answer.grid?.households;
    if (!page) return ids;
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor ?? null;
  }
}
