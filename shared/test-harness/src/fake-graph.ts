import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSchema, execute, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import type { GraphClient } from '@civic/service-kit';
import type { GridLevel, OrganisationKind } from './generated/graph/graphql.ts';

let supergraphSchema: GraphQLSchema | undefined;
/** The composed supergraph as one schema: the fake answers exactly what the gateway would accept. */
const schema = () => (supergraphSchema ??= buildSchema(readFileSync(SUPERGRAPH_OUTPUT_PATH, 'utf8')));

/** A fresh id in the form the services accept (an ObjectId's 24 hex digits). */
const newId = () => randomBytes(12).toString('hex');

interface OrganisationRecord {
  kind: OrganisationKind;
  parentId: string | null;
}

interface GridRecord {
  level: GridLevel;
  communityId: string;
  partyBranchId: string | null;
  responsiblePersonId: string | null;
}

/** What the graph knows of a resident; each part is absent unless a test gives it. */
export interface FakeResident {
  communityId?: string | null;
  /** The grid the resident's household is in. */
  gridId?: string;
  /** The household's paired party member (1310 pairing); the resident has a household when given. */
  household?: { pairedMemberId: string | null };
  partyBranchId?: string;
  /** The volunteer teams of the resident's volunteer profile; the resident is a volunteer when given. */
  volunteerTeamIds?: string[];
}

interface AgreementRecord {
  communityId: string;
  propertyCompanyId: string;
  responseDeadlineHours: number;
  resolutionDeadlineHours: number;
}

/**
 * The rest of the graph for one subgraph's tests: organisations in a tree, their partnerships and
 * agreements, grids, residents and wishes, held in memory. A service's typed documents are
 * executed against the composed supergraph's schema, so a query the gateway would refuse fails
 * here too, and the answer has exactly the shape the generated types describe. Tests through
 * the real gateway use the real subgraphs instead.
 */
export class FakeGraph implements GraphClient {
  private readonly organisations = new Map<string, OrganisationRecord>();
  private readonly partnerships: { organisationId: string; communityId: string }[] = [];
  private readonly agreements: AgreementRecord[] = [];
  private readonly grids = new Map<string, GridRecord>();
  private readonly residents = new Map<string, FakeResident>();
  private readonly wishes = new Map<string, string | null>();
  /** Where residents live unless a test says otherwise (aTree sets its community). */
  homeCommunity: string | null = null;
  /** Every document the service sent, with its variables, oldest first. */
  readonly requests: { document: DocumentNode; variables: unknown }[] = [];

  /** A new organisation under `parentId` (or a root); `id` when a test wants a fixed one. */
  organisation(kind: OrganisationKind, parentId?: string | null, id = newId()): string {
    if (parentId && !this.organisations.has(parentId)) throw new Error(`No organisation ${parentId} in the fake graph`);
    this.organisations.set(id, { kind, parentId: parentId ?? null });
    return id;
  }

  /** An active partnership (结对共建) of an organisation with a community. */
  partnership(organisationId: string, communityId: string): void {
    this.partnerships.push({ organisationId, communityId });
  }

  /** A tripartite agreement of a community; the newest is the last made. */
  agreement(fields: AgreementRecord): void {
    this.agreements.unshift(fields);
  }

  grid(fields: { level: GridLevel; communityId: string; partyBranchId?: string | null; responsiblePersonId?: string | null }, id = newId()): string {
    this.grids.set(id, { partyBranchId: null, responsiblePersonId: null, ...fields });
    return id;
  }

  /** A resident living in `communityId` (the home community by default). */
  resident(communityId: string | null = this.homeCommunity, facts: Omit<FakeResident, 'communityId'> = {}, id = newId()): string {
    this.residents.set(id, { ...facts, communityId });
    return id;
  }

  /** A wish of the organisation, whose path is the wish's organisation path (empty without one). */
  wish(organisationId: string | null = null): string {
    const id = newId();
    this.wishes.set(id, organisationId);
    return id;
  }

  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    this.requests.push({ document, variables });
    const invalid = validate(schema(), document);
    const result = invalid.length > 0 ? { errors: invalid } : await execute({ schema: schema(), document, variableValues: variables as Record<string, unknown>, rootValue: this.queryRoot() });
    const first = result.errors?.[0];
    if (first) throw new Error(`The graph refused a service query: ${first.message}`);
    return result.data as TResult;
  }

  private queryRoot() {
    return {
      organisation: ({ id }: { id: string }) => this.organisationNode(id),
      organisations: ({ filter, first }: { filter?: { within?: string; kind?: OrganisationKind }; first?: number }) => {
        const found = [...this.organisations.keys()]
          .filter((id) => (!filter?.within || this.pathOf(id).includes(filter.within)) && (!filter?.kind || this.organisations.get(id)!.kind === filter.kind))
          .map((id) => this.organisationNode(id)!);
        return { totalCount: found.length, edges: found.slice(0, first ?? found.length).map((node) => ({ node })) };
      },
      agreements: ({ communityId, first }: { communityId: string; first?: number }) =>
        connectionOf(
          this.agreements
            .filter((agreement) => agreement.communityId === communityId)
            .map((agreement) => ({ ...agreement, community: this.organisationNode(agreement.communityId), propertyCompany: this.organisationNode(agreement.propertyCompanyId) })),
          first,
        ),
      grid: ({ id }: { id: string }) => this.gridNode(id),
      resident: ({ id }: { id: string }) => this.residentNode(id),
      wish: ({ id }: { id: string }) => {
        if (!this.wishes.has(id)) return null;
        const organisationId = this.wishes.get(id);
        return { id, organisationPath: organisationId ? this.pathOf(organisationId) : [] };
      },
    };
  }

  /** Root first, ending with the organisation itself. */
  private pathOf(id: string): string[] {
    const parentId = this.organisations.get(id)?.parentId;
    return [...(parentId ? this.pathOf(parentId) : []), id];
  }

  private organisationNode(id: string | null | undefined) {
    const organisation = id ? this.organisations.get(id) : undefined;
    if (!id || !organisation) return null;
    return {
      id,
      kind: organisation.kind,
      path: this.pathOf(id),
      ancestors: () => this.pathOf(id).slice(0, -1).map((ancestorId) => this.organisationNode(ancestorId)),
      partnerships: ({ status, first }: { status?: string | null; first?: number }) =>
        connectionOf(
          status === 'ENDED'
            ? []
            : this.partnerships
                .filter((partnership) => partnership.organisationId === id)
                .map((partnership) => ({ status: 'ACTIVE', community: this.organisationNode(partnership.communityId), unit: this.organisationNode(id) })),
          first,
        ),
    };
  }

  private gridNode(id: string) {
    const grid = this.grids.get(id);
    if (!grid) return null;
    return {
      id,
      level: grid.level,
      organisationPath: this.pathOf(grid.communityId),
      community: this.organisationNode(grid.communityId),
      partyBranch: this.organisationNode(grid.partyBranchId),
      responsiblePerson: grid.responsiblePersonId ? this.residentNode(grid.responsiblePersonId) : null,
    };
  }

  private residentNode(id: string) {
    const resident = this.residents.get(id);
    if (!resident) return null;
    return {
      id,
      community: this.organisationNode(resident.communityId),
      // Resolved when asked (a grid names its responsible resident in turn); a grid registered only in
      // the tested subgraph's own database answers its id.
      grid: (): unknown => (resident.gridId ? (this.gridNode(resident.gridId) ?? { id: resident.gridId }) : null),
      household: resident.household
        ? { pairedMember: resident.household.pairedMemberId ? { id: resident.household.pairedMemberId } : null }
        : null,
      partyMembership: resident.partyBranchId ? { branch: this.organisationNode(resident.partyBranchId) } : null,
      volunteerProfile: resident.volunteerTeamIds ? { teams: resident.volunteerTeamIds.map((teamId) => this.organisationNode(teamId)) } : null,
    };
  }
}

/**
 * A district → street → community tree, with a second community in the street and a property
 * company and an owners' committee in the community; residents live in the community unless a
 * test says otherwise.
 */
export function aTree(graph: FakeGraph) {
  const district = graph.organisation('DISTRICT_COMMITTEE');
  const street = graph.organisation('STREET_COMMITTEE', district);
  const community = graph.organisation('COMMUNITY_PARTY_COMMITTEE', street);
  const otherCommunity = graph.organisation('COMMUNITY_PARTY_COMMITTEE', street);
  const propertyCompany = graph.organisation('PROPERTY_COMPANY', community);
  const ownersCommittee = graph.organisation('OWNERS_COMMITTEE', community);
  graph.homeCommunity = community;
  return { district, street, community, otherCommunity, propertyCompany, ownersCommittee };
}

/** The first page of a list, as the graph's connections give it (the fake holds few enough for one page). */
function connectionOf<T>(nodes: T[], first = 20) {
  const edges = nodes.slice(0, first).map((node, index) => ({ cursor: String(index), node }));
  return { edges, pageInfo: { hasNextPage: nodes.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: nodes.length };
}
