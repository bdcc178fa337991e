import type { CryptoKey } from 'jose';
import { issueAccessToken } from '@civic/identity';
import { composeSupergraph, type SubgraphToCompose } from '@civic/dev-platform';

/** A subgraph or gateway once it runs, in this process or as its own. */
export interface RunningPart {
  url: string;
  stop(): Promise<void>;
}

/** What a subgraph is told when it starts: how to ask the graph as itself. */
export interface SubgraphWiring {
  /** The gateway's URL: known up front for a gateway on a chosen port, else once the gateway runs. */
  gatewayUrl(): string;
  serviceToken: string;
}

/** One subgraph with code in this repository, and how to start it. */
export interface LocalSubgraph<TRunning extends RunningPart> {
  name: string;
  typeDefs: SubgraphToCompose['typeDefs'];
  start(wiring: SubgraphWiring): Promise<TRunning>;
}

/** The gateway, and how to start it in front of a composed supergraph. */
export interface GatewayStarter<TRunning extends RunningPart> {
  /** Its URL before it starts, when its port is chosen in advance (subgraph processes are told it). */
  plannedUrl?: string;
  start(supergraphSdl: string): Promise<TRunning>;
}

export interface StartGraphOptions<TSubgraph extends RunningPart, TGateway extends RunningPart> {
  subgraphs: readonly LocalSubgraph<TSubgraph>[];
  /** Subgraphs that run elsewhere (a partner's), composed at their routing URL. */
  remoteSubgraphs?: readonly SubgraphToCompose[];
  gateway: GatewayStarter<TGateway>;
  /** Signs each subgraph's service token. */
  accessTokenPrivateKey: CryptoKey;
  /** Composes the supergraph; `composeSupergraph` unless given (the test harness reuses earlier compositions). */
  compose?: (subgraphs: readonly SubgraphToCompose[]) => string | Promise<string>;
  log?: (line: string) => void;
}

export interface RunningGraph<TSubgraph extends RunningPart, TGateway extends RunningPart> {
  gateway: TGateway;
  /** In the order they were given. */
  subgraphs: TSubgraph[];
  /** Stops the gateway, then the subgraphs. */
  stop(): Promise<void>;
}

// A service token outlives any run of the graph.
const SERVICE_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Starts the whole graph: every local subgraph with a service token of its own, all at once (each
 * mostly waits on its database while it builds its collections), then the gateway in front of the
 * supergraph composed from the subgraphs where they actually listen. Subgraphs ask the graph only
 * once the gateway runs. Whatever started is stopped again when another part fails.
 */
export async function startGraph<TSubgraph extends RunningPart, TGateway extends RunningPart>(
  options: StartGraphOptions<TSubgraph, TGateway>,
): Promise<RunningGraph<TSubgraph, TGateway>> {
  const log = options.log ?? (() => {});
  const subgraphs: TSubgraph[] = [];
  let gateway: TGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  };
  const gatewayUrl = () => {
    const url = gateway?.url ?? options.gateway.plannedUrl;
    if (url === undefined) throw new Error('The gateway has no URL before it starts; give it a port in advance');
    return url;
  };

  try {
    const starts = await Promise.allSettled(
      options.subgraphs.map(async (subgraph) => {
        const serviceToken = await issueAccessToken(options.accessTokenPrivateKey, { subject: `service:${subgraph.name}`, roles: ['SERVICE'] }, SERVICE_TOKEN_TTL_SECONDS);
        const running = await subgraph.start({ gatewayUrl, serviceToken });
        log(`${subgraph.name}: ready at ${running.url}`);
        return running;
      }),
    );
    for (const start of starts) if (start.status === 'fulfilled') subgraphs.push(start.value);
    const failed = starts.find((start): start is PromiseRejectedResult => start.status === 'rejected');
    if (failed) throw failed.reason;
    const supergraphSdl = await (options.compose ?? composeSupergraph)([
      ...options.subgraphs.map((subgraph, index) => ({ name: subgraph.name, url: subgraphs[index]!.url, typeDefs: subgraph.typeDefs })),
      ...(options.remoteSubgraphs ?? []),
    ]);
    gateway = await options.gateway.start(supergraphSdl);
    return { gateway, subgraphs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
