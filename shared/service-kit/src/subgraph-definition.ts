import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { withValueTypes } from '@civic/value-types';
import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import type { Viewer } from '@civic/identity';
import type { EventConsumer } from '@civic/events';
import type { RequestFacts, SubgraphServices } from './context.ts';

/**
 * Everything the kit needs to run a subgraph; each service exports one, so tests can compose
 * the whole supergraph in process and the launcher can start it over HTTP.
 */
export interface SubgraphDefinition<TModels extends object, TLoaders> {
  name: string;
  typeDefs: DocumentNode;
  /** The codegen `Resolvers` object of the service. */
  resolvers: object;
  createModels(connection: Connection): TModels;
  /** Per request: DataLoaders, and anything else that batches the request's own work (`request` names it). */
  createLoaders(models: TModels, viewer: Viewer, request: RequestFacts): TLoaders;
  /** Metrics of the service's own, registered on its `/metrics` registry when it starts. */
  registerMetrics?(registry: Registry, models: TModels): void;
  /**
   * Fills a stored field that documents written before it existed lack, at every start before the
   * service answers: idempotent, and quick once done (its filter is what is still missing).
   */
  backfill?(models: TModels): Promise<void>;
  /** What the service does with other departments' events; run with the subgraph when it is given the broker (`events`). */
  consumers?: readonly EventConsumer<SubgraphServices<TModels>>[];
}

/**
 * Reads a subgraph's SDL relative to the calling module, never relative to the working directory,
 * with the shared value types it uses.
 */
export function loadTypeDefs(moduleUrl: string, relativePath = './schema.graphql'): DocumentNode {
  return withValueTypes(parse(readFileSync(new URL(relativePath, moduleUrl), 'utf8')));
}
