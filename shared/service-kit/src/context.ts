import type { Viewer } from '@civic/identity';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { GraphClient } from './graph-client.ts';

/** The request being served, as the gateway forwarded it. */
export interface RequestFacts {
  /** The gateway's request id; null outside a forwarded request (a subgraph tested in process). */
  id: string | null;
  /** The purpose the caller stated (`x-civic-purpose`), or null: not stated. */
  purpose: string | null;
}

/** What every resolver receives: built anew for each request, so loaders never leak between callers. */
export interface SubgraphContext<TModels, TLoaders> {
  viewer: Viewer;
  request: RequestFacts;
  models: TModels;
  loaders: TLoaders;
  clock: Clock;
  logger: Logger;
  /** Asks the graph (through the gateway, as this service) for another department's data. */
  graph: GraphClient;
}

/** What a running subgraph gives every request it serves. */
export type SubgraphServices<TModels> = Pick<SubgraphContext<TModels, never>, 'models' | 'clock' | 'logger' | 'graph'>;
