import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSupergraphConfig } from '@civic/dev-platform';
import { freeLoopbackPort, gatewayProcess, startGraph, subgraphProcesses, type GatewayRuntime, type ServiceProcess } from '@civic/graph-runner';
import type { EventsSettings } from '@civic/events';
import { COMMAND_COUNT_REQUEST, type CommandCountAnswer } from '@civic/service-kit';
import type { BenchKeys } from './bench-keys.ts';
import type { WatchedProcess } from './memory-watch.ts';

/**
 * The graph as `npm start` runs it: every local subgraph from its own `src/main.ts` and the
 * gateway from `gateway/src/main.ts`, each its own process on a loopback port, so that their
 * latencies and memory are those of real processes. Keys are the run's own; each subgraph uses
 * the database `databaseNameFor(name)`. Beside the Apollo gateway that the subgraphs call back
 * through, a Hive gateway serves the same supergraph, so the two can be measured side by side.
 */
export interface ProcessStack {
  /** The Apollo gateway (the default runtime). */
  gatewayUrl: string;
  /** Each runtime's gateway process. */
  gateways: Record<GatewayRuntime, { url: string; pid: number }>;
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
  /** The broker and the run's own stream: every subgraph publishes and consumes, and the Apollo gateway serves live updates, as under `npm start`. */
  events: EventsSettings;
  log: (line: string) => void;
}

export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const { local, remote } = subgraphProcesses(await readSupergraphConfig(), {
    mongoUri: options.databaseUri,
    databaseNameFor: options.databaseNameFor,
    ports: 'free',
    env: options.keys.env.subgraph,
    ipc: true,
    events: options.events,
    log: options.log,
  });
  const supergraphDir = await mkdtemp(join(tmpdir(), 'civic-bench-'));
  const removeSupergraph = () => rm(supergraphDir, { recursive: true, force: true });
  const graph = await startGraph({
    subgraphs: local,
    remoteSubgraphs: remote,
    gateway: gatewayProcess({
      port: await freeLoopbackPort(),
      supergraphPath: join(supergraphDir, 'supergraph.graphql'),
      // The benchmark sends thousands of requests from one address and a few subjects: it measures, it is not a caller to limit.
      env: { ...options.keys.env.gateway, RATE_LIMITS: 'off' },
      log: options.log,
      runtime: 'apollo',
      events: options.events,
    }),
    accessTokenPrivateKey: options.keys.accessToken.privateKey,
  }).catch(async (error: unknown) => {
    await removeSupergraph();
    throw error;
  });
  let hive: ServiceProcess;
  try {
    hive = await gatewayProcess({ port: await freeLoopbackPort(), supergraphPath: join(supergraphDir, 'supergraph-hive.graphql'), env: options.keys.env.gateway, log: options.log, runtime: 'hive' }).start(
      await readFile(join(supergraphDir, 'supergraph.graphql'), 'utf8'),
    );
  } catch (error) {
    await graph.stop();
    await removeSupergraph();
    throw error;
  }

  return {
    gatewayUrl: graph.gateway.url,
    gateways: { apollo: { url: graph.gateway.url, pid: graph.gateway.pid }, hive: { url: hive.url, pid: hive.pid } },
    subgraphUrl(name) {
      const subgraph = graph.subgraphs.find((running) => running.name === name);
      if (!subgraph) throw new Error(`No local subgraph named ${name}`);
      return subgraph.url;
    },
    processes: [graph.gateway, hive, ...graph.subgraphs].map(({ name, pid }) => ({ name, pid })),
    async commandCounts() {
      const counts: Record<string, number> = {};
      for (const subgraph of graph.subgraphs) counts[subgraph.name] = ((await subgraph.ask(COMMAND_COUNT_REQUEST)) as CommandCountAnswer).databaseCommands;
      return counts;
    },
    async stop() {
      await hive.stop();
      await graph.stop();
      await removeSupergraph();
    },
  };
}
