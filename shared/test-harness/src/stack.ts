import { generateKeyPair } from 'jose';
import { inject } from 'vitest';
import { issueAccessToken, SIGNING_ALGORITHM, type AccessTokenClaims, type KeyPair } from '@civic/identity';
import { gatewayInProcess, startGraph, subgraphInProcess } from '@civic/graph-runner';
import type { SubgraphToCompose } from '@civic/dev-platform';
import type { Clock, CommandRecord, DatabaseSettings, Logger, RunningSubgraph } from '@civic/service-kit';
import { uniqueDatabaseName } from './database-names.ts';
import '@civic/dev-platform/provided-context';
import { loadLocalSubgraphs, type AnySubgraph } from './local-subgraphs.ts';

export interface GraphResponse<TData = Record<string, unknown>> {
  status: number;
  data: TData | null;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Stack {
  gatewayUrl: string;
  /** A running subgraph, for its models (seed builders), command log, URL and stop(). */
  subgraph(name: string): RunningSubgraph<Record<string, never>>;
  /** A bearer token from the stack's own issuer (expired ones too, with a negative ttl). */
  token(claims: Partial<AccessTokenClaims> & Pick<AccessTokenClaims, 'roles'>, ttlSeconds?: number): Promise<string>;
  /** Sends a GraphQL operation over HTTP to the gateway. */
  query<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphResponse<TData>>;
  /** Commands each subgraph sent to its database since the last reset, by subgraph name. */
  commands(): Record<string, CommandRecord[]>;
  resetCommands(): void;
  stop(): Promise<void>;
}

/**
 * The whole graph for integration tests: the real database server (one fresh database per
 * subgraph per stack), every subgraph over HTTP (all local ones unless given), and the real
 * gateway in front, with keys generated for this stack alone.
 */
export interface StackOptions {
  subgraphs?: AnySubgraph[];
  clock?: Clock;
  /** The database server; inside vitest, the one the global setup started. */
  mongoUri?: string;
  /** Each subgraph's database name; a fresh unique one by default. */
  databaseNameFor?: (subgraph: string) => string;
  /** Every subgraph's time limits and patience with the database; from the environment by default. */
  database?: DatabaseSettings;
  /** Subgraphs the test runs itself (a partner's), composed at their URL. */
  remoteSubgraphs?: SubgraphToCompose[];
  /** A file the gateway reads its supergraph from and follows for changes; a fixed supergraph by default. */
  supergraphPath?: string;
  /** Where every part logs, the gateway and each subgraph under its own name; silent by default. */
  logger?: Logger;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const definitions = options.subgraphs ?? (await loadLocalSubgraphs());
  const mongoUri = options.mongoUri ?? inject('mongoUri');
  const databaseNameFor = options.databaseNameFor ?? uniqueDatabaseName;
  const accessTokenKeys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  const gatewayKeys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  const issue = (claims: Partial<AccessTokenClaims> & Pick<AccessTokenClaims, 'roles'>, ttlSeconds = 3600) =>
    issueAccessToken(accessTokenKeys.privateKey, { subject: claims.subject ?? claims.residentId ?? 'test:user', ...claims }, ttlSeconds);

  const graph = await startGraph({
    subgraphs: definitions.map((definition) =>
      subgraphInProcess(definition, {
        mongoUri,
        databaseName: databaseNameFor(definition.name),
        gatewayPublicKey: gatewayKeys.publicKey,
        clock: options.clock,
        database: options.database,
        keepCommandEntries: true,
        logger: options.logger?.child({ name: definition.name }),
      }),
    ),
    remoteSubgraphs: options.remoteSubgraphs,
    gateway: gatewayInProcess({
      accessTokenPublicKey: accessTokenKeys.publicKey,
      gatewayPrivateKey: gatewayKeys.privateKey,
      supergraphPath: options.supergraphPath,
      logger: options.logger?.child({ name: 'gateway' }),
    }),
    accessTokenPrivateKey: accessTokenKeys.privateKey,
  });
  const subgraphs = new Map(graph.subgraphs.map((subgraph) => [subgraph.name, subgraph]));

  return {
    gatewayUrl: graph.gateway.url,
    subgraph(name) {
      const subgraph = subgraphs.get(name);
      if (!subgraph) throw new Error(`No subgraph named ${name} in this stack`);
      return subgraph as RunningSubgraph<Record<string, never>>;
    },
    token: issue,
    async query(query, variables = {}, { token } = {}) {
      const response = await fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: GraphResponse['errors'] };
      return { status: response.status, data: (body.data ?? null) as never, errors: body.errors ?? [] };
    },
    commands() {
      return Object.fromEntries([...subgraphs].map(([name, subgraph]) => [name, subgraph.commands.entries()]));
    },
    resetCommands() {
      for (const subgraph of subgraphs.values()) subgraph.commands.reset();
    },
    stop: graph.stop,
  };
}

