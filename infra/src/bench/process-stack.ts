import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { issueAccessToken } from '@civic/identity';
import { COMMAND_COUNT_REQUEST, type CommandCountAnswer } from '@civic/service-kit';
import { composeSupergraph } from '../compose/compose-supergraph.ts';
import { readSupergraphConfig } from '../compose/supergraph-config.ts';
import { projectRoot } from '../paths.ts';
import { freeLoopbackPort } from '../system/free-port.ts';
import { startServiceProcess, type ServiceProcess } from '../system/service-process.ts';
import type { BenchKeys } from './bench-keys.ts';
import type { WatchedProcess } from './memory-watch.ts';

/**
 * The graph as `npm start` runs it: every local subgraph from its own `src/main.ts` and the
 * gateway from `gateway/src/main.ts`, each its own process on a loopback port, so that their
 * latencies and memory are those of real processes. Keys are the run's own; each subgraph uses
 * the database `databaseNameFor(name)`.
 */
export interface ProcessStack {
  gatewayUrl: string;
  subgraphUrl(name: string): string;
  processes: WatchedProcess[];
  /** Database commands each subgraph has sent since it started, by subgraph. */
  commandCounts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export interface ProcessStackOptions {
  databaseUri: string;
  databaseNameFor: (subgraph: string) => string;
  keys: BenchKeys;
  log: (line: string) => void;
}

// A service token outlives any run, like the one `npm start` gives.
const SERVICE_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const entries = await readSupergraphConfig();
  const supergraphDir = await mkdtemp(join(tmpdir(), 'civic-bench-'));
  const subgraphs: ServiceProcess[] = [];
  let gateway: ServiceProcess | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
    await rm(supergraphDir, { recursive: true, force: true });
  };
  try {
    const supergraphPath = join(supergraphDir, 'supergraph.graphql');
    await writeFile(supergraphPath, composeSupergraph(entries));
    const gatewayPort = await freeLoopbackPort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const subgraphUrls: Record<string, string> = {};

    for (const entry of entries) {
      const main = join(dirname(entry.schemaPath), 'main.ts');
      // A partner's subgraph runs elsewhere: the gateway calls it at its routing URL.
      if (!existsSync(main)) {
        options.log(`${entry.name}: no local code, expecting it at ${entry.routingUrl}`);
        continue;
      }
      const port = await freeLoopbackPort();
      const url = `http://127.0.0.1:${port}/graphql`;
      const serviceToken = await issueAccessToken(options.keys.accessToken.privateKey, { subject: `service:${entry.name}`, roles: ['SERVICE'] }, SERVICE_TOKEN_TTL_SECONDS);
      subgraphs.push(
        await startServiceProcess({
          name: entry.name,
          entry: main,
          baseUrl: new URL(url).origin,
          url,
          log: options.log,
          ipc: true,
          env: {
            PORT: String(port),
            MONGODB_URI: options.databaseUri,
            MONGODB_DATABASE: options.databaseNameFor(entry.name),
            GATEWAY_URL: gatewayUrl,
            SERVICE_TOKEN: serviceToken,
            ...options.keys.env.subgraph,
          },
        }),
      );
      subgraphUrls[entry.name] = url;
    }

    gateway = await startServiceProcess({
      name: 'gateway',
      entry: join(projectRoot, 'gateway/src/main.ts'),
      baseUrl: new URL(gatewayUrl).origin,
      url: gatewayUrl,
      log: options.log,
      env: {
        PORT: String(gatewayPort),
        SUPERGRAPH_PATH: supergraphPath,
        ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url])),
        ...options.keys.env.gateway,
      },
    });

    const running = gateway;
    return {
      gatewayUrl,
      subgraphUrl(name) {
        const url = subgraphUrls[name];
        if (!url) throw new Error(`No local subgraph named ${name}`);
        return url;
      },
      processes: [running, ...subgraphs].map(({ name, pid }) => ({ name, pid })),
      async commandCounts() {
        const counts: Record<string, number> = {};
        for (const subgraph of subgraphs) counts[subgraph.name] = ((await subgraph.ask(COMMAND_COUNT_REQUEST)) as CommandCountAnswer).databaseCommands;
        return counts;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
