import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '@civic/dev-platform';
import type { GatewayRuntime } from '@civic/gateway';
import { eventsSettingsEnv, type EventsSettings } from '@civic/events';
import { startServiceProcess, type ServiceProcess } from './service-process.ts';
import type { GatewayStarter } from './start-graph.ts';

export interface GatewayProcessOptions {
  port: number;
  /** Where the composed supergraph is written for the gateway to read (SUPERGRAPH_PATH). */
  supergraphPath: string;
  /** Further environment of the gateway process (where its keys are). */
  env: Record<string, string>;
  log: (line: string) => void;
  /** The runtime serving the supergraph; CIVIC_GATEWAY_RUNTIME of this process when not given. */
  runtime?: GatewayRuntime;
  /** The event broker, for live updates: NATS_URL, NATS_STREAM, NATS_SUBJECT_PREFIX and NATS_STREAM_REPLICAS. */
  events?: EventsSettings;
}

/** The gateway as its own process (`gateway/src/main.ts`) on a port chosen in advance. */
export function gatewayProcess(options: GatewayProcessOptions): GatewayStarter<ServiceProcess> {
  const url = `http://127.0.0.1:${options.port}/graphql`;
  return {
    plannedUrl: url,
    async start(supergraphSdl) {
      await writeFile(options.supergraphPath, supergraphSdl);
      return startServiceProcess({
        // Named by its runtime when one is chosen, so that two gateways side by side can be told apart.
        name: options.runtime ? `gateway (${options.runtime})` : 'gateway',
        entry: join(projectRoot, 'gateway/src/main.ts'),
        baseUrl: new URL(url).origin,
        url,
        log: options.log,
        env: {
          PORT: String(options.port),
          SUPERGRAPH_PATH: options.supergraphPath,
          ...(options.runtime ? { CIVIC_GATEWAY_RUNTIME: options.runtime } : {}),
          ...(options.events ? eventsSettingsEnv(options.events) : {}),
          ...options.env,
        },
      });
    },
  };
}
