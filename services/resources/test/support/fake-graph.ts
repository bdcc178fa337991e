import { Types } from 'mongoose';
import type { GraphClient } from '@civic/service-kit';
import { ORGANISATION_PATH_QUERY, RESIDENT_QUERY, WISH_QUERY } from '../../src/graph/graph-facts.ts';

/**
 * The rest of the graph, as subgraph tests need it: organisations with their paths, residents
 * and wishes that exist. Answers exactly the queries the service sends.
 */
export class FakeGraph implements GraphClient {
  readonly paths = new Map<string, string[]>();
  readonly residents = new Set<string>();
  readonly wishes = new Set<string>();

  /** A new organisation under `parent` (or a root); returns its id. */
  organisation(parent?: string): string {
    const id = new Types.ObjectId().toHexString();
    this.paths.set(id, [...(parent ? this.paths.get(parent)! : []), id]);
    return id;
  }

  resident(): string {
    const id = new Types.ObjectId().toHexString();
    this.residents.add(id);
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
    if (query === RESIDENT_QUERY) return { resident: this.residents.has(id) ? { id } : null } as TData;
    if (query === WISH_QUERY) return { wish: this.wishes.has(id) ? { id } : null } as TData;
    throw new Error(`The fake graph does not know this query: ${query}`);
  }
}

/** District → street → community, plus a property company in the community. */
export function aTree(graph: FakeGraph) {
  const district = graph.organisation();
  const street = graph.organisation(district);
  const community = graph.organisation(street);
  const propertyCompany = graph.organisation(community);
  const otherCommunity = graph.organisation(street);
  return { district, street, community, propertyCompany, otherCommunity };
}
