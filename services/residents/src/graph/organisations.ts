import type { GraphClient } from '@civic/service-kit';
import type { GridLevel } from '../domain/vocabulary.ts';

/** What residents asks the organisations department, through the gateway, at write time. */

// The exact query of the federation contract: a household copies the grid's community and path.
export const GRID_QUERY = 'query($id: ID!){ grid(id: $id) { id level organisationPath community { id } } }';

export interface GridFacts {
  id: string;
  level: GridLevel;
  organisationPath: string[];
  community: { id: string };
}

export async function fetchGrid(graph: GraphClient, id: string): Promise<GridFacts | null> {
  const data = await graph.request<{ grid: GridFacts | null }>(GRID_QUERY, { id });
  return data.grid;
}

export interface OrganisationFacts {
  id: string;
  kind: string;
}

/** Several organisations in one request (aliased fields); a missing id maps to null. */
export async function fetchOrganisations(graph: GraphClient, ids: readonly string[]): Promise<Map<string, OrganisationFacts | null>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const variables = Object.fromEntries(unique.map((id, index) => [`id${index}`, id]));
  const declarations = unique.map((_id, index) => `$id${index}: ID!`).join(', ');
  const selections = unique.map((_id, index) => `o${index}: organisation(id: $id${index}) { id kind }`).join(' ');
  const data = await graph.request<Record<string, OrganisationFacts | null>>(`query(${declarations}){ ${selections} }`, variables);
  return new Map(unique.map((id, index) => [id, data[`o${index}`] ?? null]));
}
