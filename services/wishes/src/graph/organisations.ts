import type { GraphClient } from '@civic/service-kit';
import type { RoutingCandidates } from '../domain/routing-rules.ts';
import { ROUTING_RULES } from '../domain/routing-rules.ts';

/** What wishes asks the organisations department, through the gateway, at write time. */

export interface GridFacts {
  id: string;
  level: string;
  organisationPath: string[];
  community: { id: string };
  responsiblePerson: { id: string } | null;
  partyBranch: { id: string } | null;
}

const GRID_QUERY = 'query($id: ID!){ grid(id: $id) { id level organisationPath community { id } responsiblePerson { id } partyBranch { id } } }';

export async function fetchGrid(graph: GraphClient, id: string): Promise<GridFacts | null> {
  return (await graph.request<{ grid: GridFacts | null }>(GRID_QUERY, { id })).grid;
}

export interface OrganisationFacts {
  id: string;
  kind: string;
  path: string[];
  /** Communities this organisation is paired with (结对共建), with their paths. */
  partnerships: { community: { id: string; path: string[] } }[];
}

/** Several organisations in one request (aliased fields); a missing id maps to null. */
export async function fetchOrganisations(graph: GraphClient, ids: readonly string[]): Promise<Map<string, OrganisationFacts | null>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const variables = Object.fromEntries(unique.map((id, index) => [`id${index}`, id]));
  const declarations = unique.map((_id, index) => `$id${index}: ID!`).join(', ');
  const selections = unique
    .map((_id, index) => `o${index}: organisation(id: $id${index}) { id kind path partnerships(status: ACTIVE) { community { id path } } }`)
    .join(' ');
  const data = await graph.request<Record<string, OrganisationFacts | null>>(`query(${declarations}){ ${selections} }`, variables);
  return new Map(unique.map((id, index) => [id, data[`o${index}`] ?? null]));
}

export async function fetchOrganisation(graph: GraphClient, id: string): Promise<OrganisationFacts | null> {
  return (await fetchOrganisations(graph, [id])).get(id) ?? null;
}

interface AgreementFacts {
  propertyCompany: { id: string; path: string[] };
  responseDeadlineHours: number;
  resolutionDeadlineHours: number;
}

export interface RoutingFacts extends RoutingCandidates {
  /** The newest agreement's deadlines, for the requests it covers. */
  agreementHours: { acknowledgeHours: number; resolveHours: number } | null;
}

/** Every kind the routing table may look for, so that one request answers any rule. */
const ROUTING_KINDS = [...new Set(ROUTING_RULES.flatMap((rule) => rule.handlers.flatMap((source) => (source.type === 'ORGANISATION_KIND' ? [source.kind] : []))))];

/** The community's newest agreement and, per kind, the first organisation of that kind within it. */
export async function fetchRoutingFacts(graph: GraphClient, communityId: string): Promise<RoutingFacts> {
  const kinds = ROUTING_KINDS.map(
    (kind, index) => `k${index}: organisations(filter: { within: $community, kind: ${kind} }, first: 1) { edges { node { id path } } }`,
  ).join(' ');
  const query = `query($community: ID!){ agreements(communityId: $community) { propertyCompany { id path } responseDeadlineHours resolutionDeadlineHours } ${kinds} }`;
  const data = await graph.request<Record<string, unknown>>(query, { community: communityId });
  const agreement = (data.agreements as AgreementFacts[])[0] ?? null;
  const byKind = new Map<string, { id: string; path: string[] }>();
  ROUTING_KINDS.forEach((kind, index) => {
    const node = (data[`k${index}`] as { edges: { node: { id: string; path: string[] } }[] }).edges[0]?.node;
    if (node) byKind.set(kind, node);
  });
  return {
    propertyCompany: agreement?.propertyCompany ?? null,
    byKind,
    agreementHours: agreement ? { acknowledgeHours: agreement.responseDeadlineHours, resolveHours: agreement.resolutionDeadlineHours } : null,
  };
}
