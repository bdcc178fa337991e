import { graphCall, requestTogether, staffCovers, unknownId, type GraphClient } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/graph/gql.ts';
import { organisationKindRefusal, reachOf, type Claimant } from '../domain/claiming.ts';
import { claimForOrganisationOutOfScope, claimRefused } from '../errors.ts';
import type { RoutingCandidates } from '../domain/routing-rules.ts';
import type { OrganisationKind } from '../generated/graph/graphql.ts';
import { ROUTING_RULES } from '../domain/routing-rules.ts';

/** What wishes asks the organisations department, through the gateway, at write time. */

const GRID_QUERY = graphql(`query WishesGrid($id: ID!) {
  grid(id: $id) { id level organisationPath community { id } responsiblePerson { id } partyBranch { id } }
}`);

export type GridFacts = NonNullable<ResultOf<typeof GRID_QUERY>['grid']>;

export async function fetchGrid(graph: GraphClient, id: string): Promise<GridFacts | null> {
  return (await graph.request(GRID_QUERY, { id })).grid;
}

// `partnerships`: the communities this organisation is paired with (结对共建), with their paths.
const ORGANISATION_QUERY = graphql(`query WishesOrganisation($id: ID!) {
  organisation(id: $id) { id kind path partnerships(status: ACTIVE, first: 100) { edges { node { community { id path } } } pageInfo { hasNextPage endCursor } } }
}`);

/** The pages after the first, for a unit paired with more communities than one page holds. */
const PARTNERSHIPS_QUERY = graphql(`query WishesPartnerships($id: ID!, $after: String) {
  organisation(id: $id) { partnerships(status: ACTIVE, first: 100, after: $after) { edges { node { community { id path } } } pageInfo { hasNextPage endCursor } } }
}`);

type PartnerCommunity = { id: string; path: string[] };
export type OrganisationFacts = Omit<NonNullable<ResultOf<typeof ORGANISATION_QUERY>['organisation']>, 'partnerships'> & { partnerCommunities: PartnerCommunity[] };

/** Several organisations in one request (and one more per page beyond the first of partnerships); a missing id maps to null. */
export async function fetchOrganisations(graph: GraphClient, ids: readonly string[]): Promise<Map<string, OrganisationFacts | null>> {
  const unique = [...new Set(ids)];
  const answers = await requestTogether(graph, unique.map((id) => graphCall(ORGANISATION_QUERY, { id })));
  const facts = await Promise.all(
    answers.map(async ({ organisation }) => {
      if (!organisation) return null;
      const { partnerships, ...rest } = organisation;
      const partnerCommunities = partnerships.edges.map((edge) => edge.node.community);
      for (let page = partnerships.pageInfo; page.hasNextPage; ) {
        const next = (await graph.request(PARTNERSHIPS_QUERY, { id: organisation.id, after: page.endCursor })).organisation!.partnerships;
        partnerCommunities.push(...next.edges.map((edge) => edge.node.community));
        page = next.pageInfo;
      }
      return { ...rest, partnerCommunities };
    }),
  );
  return new Map(unique.map((id, index) => [id, facts[index]!]));
}

export async function fetchOrganisation(graph: GraphClient, id: string): Promise<OrganisationFacts | null> {
  return (await fetchOrganisations(graph, [id])).get(id) ?? null;
}

/** The organisation the caller claims for: of a claiming kind, and covered by the caller's scope. */
export async function organisationClaimant(graph: GraphClient, viewer: Viewer, organisationId: string): Promise<Claimant> {
  const organisation = await fetchOrganisation(graph, organisationId);
  if (!organisation) throw unknownId('asOrganisationId', 'organisation');
  if (!staffCovers(viewer, organisation.path)) throw claimForOrganisationOutOfScope();
  const refusal = organisationKindRefusal(organisation.kind);
  if (refusal) throw claimRefused(refusal);
  const paired = organisation.partnerCommunities.map((community) => community.path);
  return { kind: 'ORGANISATION', id: organisation.id, path: organisation.path, ...reachOf([organisation.path, ...paired]) };
}

/** The community's newest agreement. */
const AGREEMENTS_QUERY = graphql(`query WishesAgreements($community: ID!) {
  agreements(communityId: $community, first: 1) { edges { node { id propertyCompany { id path } responseDeadlineHours resolutionDeadlineHours } } }
}`);

/** The first organisation of a kind within the community. */
const FIRST_OF_KIND_QUERY = graphql(`query WishesFirstOfKind($community: ID!, $kind: OrganisationKind!) {
  organisations(filter: { within: $community, kind: $kind }, first: 1) { edges { node { id path } } }
}`);

export interface RoutingFacts extends RoutingCandidates {
  /** The newest agreement's deadlines, for the requests it covers. */
  agreementHours: { acknowledgeHours: number; resolveHours: number } | null;
  /** That agreement, remembered on the requests whose deadlines it set. */
  agreementId: string | null;
}

/** Every kind the routing table may look for, so that one request answers any rule. */
const ROUTING_KINDS = [...new Set(ROUTING_RULES.flatMap((rule) => rule.handlers.flatMap((source) => (source.type === 'ORGANISATION_KIND' ? [source.kind] : []))))];

/** The community's newest agreement and, per kind, the first organisation of that kind within it: one request. */
export async function fetchRoutingFacts(graph: GraphClient, communityId: string): Promise<RoutingFacts> {
  const [{ agreements }, ...firstOfEachKind] = await requestTogether(graph, [
    graphCall(AGREEMENTS_QUERY, { community: communityId }),
    ...ROUTING_KINDS.map((kind) => graphCall(FIRST_OF_KIND_QUERY, { community: communityId, kind })),
  ]);
  const agreement = agreements.edges[0]?.node ?? null;
  const byKind = new Map<string, { id: string; path: string[] }>();
  ROUTING_KINDS.forEach((kind, index) => {
    const node = firstOfEachKind[index]!.organisations.edges[0]?.node;
    if (node) byKind.set(kind, node);
  });
  return {
    propertyCompany: agreement?.propertyCompany ?? null,
    byKind,
    agreementHours: agreement ? { acknowledgeHours: agreement.responseDeadlineHours, resolveHours: agreement.resolutionDeadlineHours } : null,
    agreementId: agreement?.id ?? null,
  };
}

const UNITS_OF_KIND_QUERY = graphql(`query WishesUnitsOfKind($within: ID!, $kind: OrganisationKind!, $after: String) {
  organisations(filter: { within: $within, kind: $kind }, first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
}`);

/** The ids of every organisation of a kind within a subtree (a street's property companies), a page of 100 a request. */
export async function fetchUnitsOfKind(graph: GraphClient, within: string, kind: OrganisationKind): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { organisations }: ResultOf<typeof UNITS_OF_KIND_QUERY> = await graph.request(UNITS_OF_KIND_QUERY, { within, kind, after });
    ids.push(...organisations.edges.map((edge) => edge.node.id));
    if (!organisations.pageInfo.hasNextPage) return ids;
    after = organisations.pageInfo.endCursor;
  }
}
