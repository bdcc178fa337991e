import { Types } from 'mongoose';
import type { GraphClient } from '@civic/service-kit';

/**
 * The other departments as subgraph tests need them: a small organisation tree, residents and
 * wishes, answering the queries this service sends through the gateway (graph/*.ts). Tests
 * through the real gateway use the real subgraphs instead.
 */
export class FakeGraph implements GraphClient {
  private organisations = new Map<string, { id: string; kind: string; path: string[]; ancestors: { kind: string }[] }>();
  private residents = new Map<string, { id: string; community: { id: string } }>();
  private wishes = new Map<string, { id: string; organisationPath: string[] }>();
  /** How many requests were sent, for tests that a refused write asked nothing. */
  requests = 0;

  organisation(kind: string, parentId?: string): string {
    const id = new Types.ObjectId().toHexString();
    const parent = parentId ? this.organisations.get(parentId)! : null;
    const path = [...(parent?.path ?? []), id];
    const ancestors = parent ? [...parent.ancestors, { kind: parent.kind }] : [];
    this.organisations.set(id, { id, kind, path, ancestors });
    return id;
  }

  resident(communityId: string): string {
    const id = new Types.ObjectId().toHexString();
    this.residents.set(id, { id, community: { id: communityId } });
    return id;
  }

  wish(organisationId: string): string {
    const id = new Types.ObjectId().toHexString();
    this.wishes.set(id, { id, organisationPath: this.organisations.get(organisationId)!.path });
    return id;
  }

  async request<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
    this.requests += 1;
    if (query.includes('organisation(id:')) {
      const answers = Object.entries(variables).map(([name, id]) => [name.replace('id', 'o'), this.organisations.get(String(id)) ?? null]);
      return Object.fromEntries(answers) as TData;
    }
    if (query.includes('resident(id:')) return { resident: this.residents.get(String(variables.id)) ?? null } as TData;
    if (query.includes('wish(id:')) return { wish: this.wishes.get(String(variables.id)) ?? null } as TData;
    throw new Error(`FakeGraph does not answer ${query}`);
  }
}

/** A district → street → community tree with the community's partners. */
export function aTree(graph: FakeGraph) {
  const district = graph.organisation('DISTRICT_COMMITTEE');
  const street = graph.organisation('STREET_COMMITTEE', district);
  const community = graph.organisation('COMMUNITY_PARTY_COMMITTEE', street);
  const otherCommunity = graph.organisation('COMMUNITY_PARTY_COMMITTEE', street);
  const propertyCompany = graph.organisation('PROPERTY_COMPANY', community);
  const ownersCommittee = graph.organisation('OWNERS_COMMITTEE', community);
  return { district, street, community, otherCommunity, propertyCompany, ownersCommittee };
}
