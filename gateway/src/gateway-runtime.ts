import { startHiveGateway } from './hive/start-hive-gateway.ts';
import { startGateway, type RunningGateway, type StartGatewayOptions } from './server.ts';

/** The two gateway runtimes that serve the supergraph under the same rules. */
export const GATEWAY_RUNTIMES = ['apollo', 'hive'] as const;
export type GatewayRuntime = (typeof GATEWAY_RUNTIMES)[number];

/** CIVIC_GATEWAY_RUNTIME, `apollo` when unset; any other value stops the start with a reason. */
export function gatewayRuntimeFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayRuntime {
  const value = env.CIVIC_GATEWAY_RUNTIME || 'apollo';
  const runtime = GATEWAY_RUNTIMES.find((name) => name === value);
  if (!runtime) throw new Error(`CIVIC_GATEWAY_RUNTIME must be one of ${GATEWAY_RUNTIMES.join(', ')}; it is "${value}"`);
  return runtime;
}

export function startGatewayRuntime(runtime: GatewayRuntime, options: StartGatewayOptions): Promise<RunningGateway> {
  return runtime === 'hive' ? startHiveGateway(options) : startGateway(options);
}
