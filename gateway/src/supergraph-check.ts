import { Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/**
 * Builds everything the gateway builds from a supergraph (its validated schema, the API schema
 * clients see, the query planner), so a file that would fail half-way through the gateway's own
 * update is refused before it is offered. Throws with the reason; returns the subgraphs it names.
 */
export function checkSupergraph(supergraphSdl: string): readonly SubgraphEndpoint[] {
  const supergraph = Supergraph.build(supergraphSdl, { validateSupergraph: true });
  supergraph.apiSchema().toGraphQLJSSchema();
  new QueryPlanner(supergraph);
  return supergraph.subgraphsMetadata();
}

/** The subgraphs a supergraph the gateway already serves names, each where the gateway calls it. */
export function subgraphsOf(supergraphSdl: string, urlOverrides: Record<string, string> = {}): SubgraphEndpoint[] {
  return Supergraph.build(supergraphSdl)
    .subgraphsMetadata()
    .map(({ name, url }) => ({ name, url: urlOverrides[name] ?? url }));
}
