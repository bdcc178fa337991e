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

/** The gateway served from this process on a free loopback port, on the runtime given or CIVIC_GATEWAY_RUNTIME's. */
export function gatewayInProcess(
  options: Omit<StartGatewayOptions, 'supergraphSdl' | 'port'> & { runtime?: GatewayRuntime },
): GatewayStarter<RunningGateway> {
  const { runtime = gatewayRuntimeFromEnv(), ...gatewayOptions } = options;
  return { start: (supergraphSdl) => startGatewayRuntime(runtime, { ...gatewayOptions, supergraphSdl }) };
}
