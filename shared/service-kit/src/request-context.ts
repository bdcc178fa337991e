import type { Viewer } from '@civic/identity';
import type { SubgraphContext, SubgraphServices } from './context.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/** One request's context: the viewer's own loaders beside the subgraph's services. */
export function createRequestContext<TModels extends object, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  services: SubgraphServices<TModels>,
  viewer: Viewer,
): SubgraphContext<TModels, TLoaders> {
  return { viewer, ...services, loaders: definition.createLoaders(services.models, viewer) };
}
