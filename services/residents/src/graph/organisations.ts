import { graphCall, requestTogether, type GraphClient } from '@civic/service-kit';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/graph/gql.ts';

/** What residents asks the organisations department, through the gateway, at write time. */

// The exact query of the federation contract: a household copies the grid's community and path.
export const GRID_QUERY = graphql(`query ResidentsGrid($id: ID!) { grid(id: $id) { id level organisationPath community { id } } }`);

export type GridFacts = NonNullable<ResultOf<typeof GRID_QUERY>['grid']>;

export async function fetchGrid(graph: GraphClient, id: string): Promise<GridFacts | null> {
  return (await graph.request(GRID_QUERY, { id })).grid;
}

const ORGANISATION_QUERY = graphql(`query ResidentsOrganisation($id: ID!) { organisation(id: $id) { id kind path } }`);

export type OrganisationFacts = NonNullable<ResultOf<typeof ORGANISATION_QUERY>['organisation']>;

/** Several organisations in one request; a missing id maps to null. */
export async function fetchOrganisations(graph: GraphClient, ids: readonly string[]): Promise<Map<string, OrganisationFacts | null>> {
  const unique = [...new Set(ids)];
  const answers = await requestTogether(graph, unique.map((id) => graphCall(ORGANISATION_QUERY, { id })));
  return new Map(unique.map((id, index) => [id, answers[index]!.organisation]));
}

const ORGANISATION_PATH_QUERY = graphql(`query ResidentsOrganisationPath($id: ID!) { organisation(id: $id) { id path } }`);

/** The organisation's path (root first), to check a staff member's scope over it; null when there is no such organisation. */
export async function fetchOrganisationPath(graph: GraphClient, id: string): Promise<string[] | null> {
  return (await graph.request(ORGANISATION_PATH_QUERY, { id })).organisation?.path ?? null;
}
