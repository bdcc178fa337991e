import { startTracing } from '@civic/telemetry/tracing';
import type { SubgraphDefinition } from './subgraph-definition.ts';

export interface SubgraphProcess<TModels extends object, TLoaders> {
  /** The subgraph's name: the traces' service.name, and the definition's name. */
  name: string;
  defaultPort: number;
  /** Imports the service's definition; called once tracing runs. */
  load(): Promise<SubgraphDefinition<TModels, TLoaders>>;
}

/**
 * A service's `src/main.ts`: starts tracing (when configured) before the kit, the service's code
 * and the libraries under them load, since instrumentation hooks modules as they load; then runs
 * the subgraph as its own process (`runSubgraph`).
 */
export async function runSubgraphProcess<TModels extends object, TLoaders>(subgraph: SubgraphProcess<TModels, TLoaders>): Promise<void> {
  await startTracing(subgraph.name);
  const { runSubgraph } = await import('./run.ts');
  const definition = await subgraph.load();
  if (definition.name !== subgraph.name) throw new Error(`${subgraph.name}'s main loads the subgraph named ${definition.name}`);
  await runSubgraph(definition, subgraph.defaultPort);
}
