import { writeFile } from 'node:fs/promises';
import { gatewayRuntimeFromEnv, startGatewayRuntime, type GatewayRuntime, type RunningGateway, type StartGatewayOptions } from '@civic/gateway';
import { createGraphClient, startSubgraph, type RunningSubgraph, type StartSubgraphOptions, type SubgraphDefinition } from '@civic/service-kit';
import type { GatewayStarter, LocalSubgraph } from './start-graph.ts';

/** A subgraph served from this process on a free loopback port, asking the graph with its service token. */
export function subgraphInProcess<TModels extends object, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  options: Omit<StartSubgraphOptions, 'graph' | 'port'>,
): LocalSubgraph<RunningSubgraph<TModels>> {
  return {
    name: definition.name,
    typeDefs: definition.typeDefs,
    start: ({ gatewayUrl, serviceToken }) => startSubgraph(definition, { ...options, graph: createGraphClient({ url: gatewayUrl, token: () => serviceToken }) }),
  };
}

export type GatewayInProcessOptions = Omit<StartGatewayOptions, 'supergraphSdl' | 'port'> & { runtime?: GatewayRuntime };

/**
 * The gateway served from this process on a free loopback port, on the runtime given or
 * CIVIC_GATEWAY_RUNTIME's; with `supergraphPath`, the composed supergraph is written there and the
 * gateway follows that file.
 */
export function gatewayInProcess(options: GatewayInProcessOptions): GatewayStarter<RunningGateway> {
  const { runtime = gatewayRuntimeFromEnv(), ...gatewayOptions } = options;
  return {
    async start(supergraphSdl) {
      if (gatewayOptions.supergraphPath === undefined) return startGatewayRuntime(runtime, { ...gatewayOptions, supergraphSdl });
      await writeFile(gatewayOptions.supergraphPath, supergraphSdl);
      return startGatewayRuntime(runtime, gatewayOptions);
    },
  };
}
