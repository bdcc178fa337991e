import type { Viewer } from '@civic/identity';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { GraphClient } from './graph-client.ts';

/** What every resolver receives: built anew for each request, so loaders never leak between callers. */
export interface SubgraphContext<TModels, TLoaders> {
  viewer: Viewer;
  models: TModels;
  loaders: TLoaders;
  clock: Clock;
  logger: Logger;
  /** Asks the graph (through the gateway, as this service) for another department's data. */
  graph: GraphClient;
}

/** What a running subgraph gives every request it serves. */
export type SubgraphServices<TModels> = Pick<SubgraphContext<TModels, never>, 'models' | 'clock' | 'logger' | 'graph'>;
