import type { GraphClient } from '@civic/service-kit';

/** What meetings asks the organisations department, through the gateway, at write time. */

export interface OrganisationFacts {
  id: string;
  kind: string;
  /** Root first, ending with the organisation's own id. */
  path: string[];
  /** The kinds from the root down to the organisation itself (for the meeting's level). */
  kinds: string[];
}

interface OrganisationAnswer {
  id: string;
  kind: string;
  path: string[];
  ancestors: { kind: string }[];
}

/** Several organisations in one request (aliased fields); a missing id maps to null. */
export async function fetchOrganisations(graph: GraphClient, ids: readonly string[]): Promise<Map<string, OrganisationFacts | null>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const variables = Object.fromEntries(unique.map((id, index) => [`id${index}`, id]));
  const declarations = unique.map((_id, index) => `$id${index}: ID!`).join(', ');
  const selections = unique.map((_id, index) => `o${index}: organisation(id: $id${index}) { id kind path ancestors { kind } }`).join(' ');
  const data = await graph.request<Record<string, OrganisationAnswer | null>>(`query(${declarations}){ ${selections} }`, variables);
  return new Map(
    unique.map((id, index) => {
      const answer = data[`o${index}`] ?? null;
      const facts = answer && { id: answer.id, kind: answer.kind, path: answer.path, kinds: [...answer.ancestors.map((ancestor) => ancestor.kind), answer.kind] };
      return [id, facts];
    }),
  );
}

export async function fetchOrganisation(graph: GraphClient, id: string): Promise<OrganisationFacts | null> {
  return (await fetchOrganisations(graph, [id])).get(id) ?? null;
}
