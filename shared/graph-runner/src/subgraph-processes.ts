import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configuredSubgraph, type SubgraphEntry, type SubgraphToCompose } from '@civic/dev-platform';
import { eventsSettingsEnv, type EventsSettings } from '@civic/events';
import { freeLoopbackPort } from './free-port.ts';
import { startServiceProcess, type ServiceProcess } from './service-process.ts';
import type { LocalSubgraph } from './start-graph.ts';

export interface SubgraphProcessOptions {
  mongoUri: string;
  /** Each subgraph's database; the service's own default (`civic_<name>`) unless given. */
  databaseNameFor?: (subgraph: string) => string;
  /** Where each listens: the port of its routing URL (`npm start`), or a free loopback port (the benchmark). */
  ports: 'routing' | 'free';
  /** Further environment of every subgraph process (where its keys are). */
  env: Record<string, string>;
  /** The event broker, given to every subgraph process as NATS_URL, NATS_STREAM, NATS_SUBJECT_PREFIX and NATS_STREAM_REPLICAS. */
  events?: EventsSettings;
  /** An IPC channel to each process, for a parent that asks it questions (the benchmark). */
  ipc?: boolean;
  log: (line: string) => void;
}

/**
 * The subgraphs of the supergraph config as processes: each one with code in this repository
 * (`src/main.ts` beside its schema) runs as its own; the others (a partner's) run elsewhere and
 * are composed at their routing URL.
 */
export function subgraphProcesses(
  entries: readonly SubgraphEntry[],
  options: SubgraphProcessOptions,
): { local: LocalSubgraph<ServiceProcess>[]; remote: SubgraphToCompose[] } {
  const local: LocalSubgraph<ServiceProcess>[] = [];
  const remote: SubgraphToCompose[] = [];
  for (const entry of entries) {
    const main = join(dirname(entry.schemaPath), 'main.ts');
    if (!existsSync(main)) {
      options.log(`${entry.name}: no local code, expecting it at ${entry.routingUrl}`);
      remote.push(configuredSubgraph(entry));
      continue;
    }
    local.push({
      name: entry.name,
      typeDefs: entry.sdl,
      async start({ gatewayUrl, serviceToken }) {
        const port = options.ports === 'routing' ? Number(new URL(entry.routingUrl).port) : await freeLoopbackPort();
        const url = options.ports === 'routing' ? entry.routingUrl : `http://127.0.0.1:${port}/graphql`;
        return startServiceProcess({
          name: entry.name,
          entry: main,
          baseUrl: new URL(url).origin,
          url,
          log: options.log,
          ipc: options.ipc,
          env: {
            PORT: String(port),
            MONGODB_URI: options.mongoUri,
            ...(options.databaseNameFor ? { MONGODB_DATABASE: options.databaseNameFor(entry.name) } : {}),
            GATEWAY_URL: gatewayUrl(),
            SERVICE_TOKEN: serviceToken,
            ...(options.events ? eventsSettingsEnv(options.events) : {}),
            ...options.env,
          },
        });
      },
    });
  }
  return { local, remote };
}
