import { Types } from 'mongoose';
import type { GraphClient } from '@civic/service-kit';
import { ORGANISATION_PATH_QUERY, RESIDENT_QUERY, WISH_QUERY } from '../../src/graph/graph-facts.ts';

/**
 * The rest of the graph, as subgraph tests need it: organisations with their paths, residents
 * and wishes that exist. Answers exactly the queries the service sends.
 */
export class FakeGraph implements GraphClient {
  readonly paths = new Map<string, string[]>();
  /** Each resident's community path (root..community). */
  readonly residents = new Map<string, string[]>();
  /** Where residents live unless a test says otherwise (aTree sets its community). */
  homeCommunity: string | null = null;
  readonly wishes = new Set<string>();

  /** A new organisation under `parent` (or a root); returns its id. */
  organisation(parent?: string): string {
    const id = new Types.ObjectId().toHexString();
    this.paths.set(id, [...(parent ? this.paths.get(parent)! : []), id]);
    return id;
  }

  resident(communityId = this.homeCommunity): string {
    const id = new Types.ObjectId().toHexString();
    this.residents.set(id, communityId ? this.paths.get(communityId)! : []);
    return id;
  }

  wish(): string {
    const id = new Types.ObjectId().toHexString();
    this.wishes.add(id);
    return id;
  }

  async request<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
    const id = String(variables.id);
    if (query === ORGANISATION_PATH_QUERY) return { organisation: this.paths.has(id) ? { id, path: this.paths.get(id) } : null } as TData;
    if (query === RESIDENT_QUERY) {
      const path = this.residents.get(id);
      return { resident: path ? { id, community: path.length > 0 ? { id: path.at(-1), path } : null } : null } as TData;
    }
    if (query === WISH_QUERY) return { wish: this.wishes.has(id) ? { id } : null } as TData;
    throw new Error(`The fake graph does not know this query: ${query}`);
  }
}

/** District → street → community, plus a property company in the community; residents live in the community. */
export function aTree(graph: FakeGraph) {
  const district = graph.organisation();
  const street = graph.organisation(district);
  const community = graph.organisation(street);
  const propertyCompany = graph.organisation(community);
  const otherCommunity = graph.organisation(street);
  graph.homeCommunity = community;
  return { district, street, community, propertyCompany, otherCommunity };
}
