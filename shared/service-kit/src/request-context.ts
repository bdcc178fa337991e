import type { Viewer } from '@civic/identity';
import type { RequestFacts, SubgraphContext, SubgraphServices } from './context.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/** A request that came through no gateway: a subgraph tested in process. */
export const UNFORWARDED_REQUEST: RequestFacts = Object.freeze({ id: null, purpose: null });

/** One request's context: the viewer's own loaders beside the subgraph's services. */
export function createRequestContext<TModels extends object, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  services: SubgraphServices<TModels>,
  viewer: Viewer,
  request: RequestFacts = UNFORWARDED_REQUEST,
): SubgraphContext<TModels, TLoaders> {
  return { viewer, request, ...services, loaders: definition.createLoaders(services.models, viewer, request) };
}
