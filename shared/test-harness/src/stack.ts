import { createRemoteJWKSet, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { inject } from 'vitest';
import { issueAccessToken, JWKS_PATH, PURPOSE_HEADER, REQUEST_ID_HEADER, SIGNING_ALGORITHM, type AccessTokenClaims, type GatewayVerificationKey, type KeyPair } from '@civic/identity';
import { gatewayInProcess, startGraph, subgraphInProcess, type GatewayInProcessOptions, type GatewayRuntime, type RunningGateway } from '@civic/graph-runner';
import type { SubgraphToCompose } from '@civic/dev-platform';
import type { EventsSettings } from '@civic/events';
import type { Clock, CommandRecord, DatabaseSettings, Logger, RunningSubgraph } from '@civic/service-kit';
import { uniqueDatabaseName } from './database-names.ts';
import { uniqueEventsSettings } from './events-settings.ts';
import '@civic/dev-platform/provided-context';
import { loadLocalSubgraphs, type AnySubgraph } from './local-subgraphs.ts';
import { cachedComposer } from './supergraph-cache.ts';

export interface GraphResponse<TData = Record<string, unknown>> {
  status: number;
  data: TData | null;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Stack {
  gatewayUrl: string;
  /** The broker and this stack's own stream and subject prefix, which every subgraph publishes and consumes on. */
  events: EventsSettings;
  /** A running subgraph, for its models (seed builders), command log, URL and stop(). */
  subgraph(name: string): RunningSubgraph<Record<string, never>>;
  /** A bearer token from the stack's own issuer (expired ones too, with a negative ttl). */
  token(claims: Partial<AccessTokenClaims> & Pick<AccessTokenClaims, 'roles'>, ttlSeconds?: number): Promise<string>;
  /**
   * Sends a GraphQL operation over HTTP to the gateway, as `token`'s caller, with `requestId` as its
   * x-request-id and `purpose` (percent-encoded, as clients send it) as its x-civic-purpose when given.
   */
  query<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string; requestId?: string; purpose?: string }): Promise<GraphResponse<TData>>;
  /** Commands each subgraph sent to its database since the last reset, by subgraph name. */
  commands(): Record<string, CommandRecord[]>;
  resetCommands(): void;
  /** A second gateway on `runtime` in front of the same subgraphs (started once, stopped with the stack), to compare runtimes. */
  gatewayOn(runtime: GatewayRuntime): Promise<Pick<Stack, 'gatewayUrl' | 'query'>>;
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
  /**
   * Settings of the gateway beyond its keys: as NODE_ENV=production sets them (`anonymousIntrospection:
   * false`), the runtime (CIVIC_GATEWAY_RUNTIME's, `apollo`, by default), query caps and budgets, rate limits (off unless a test gives them), trusted proxies,
   * and the broker for subscriptions (the stack's `events` unless given).
   */
  gateway?: Omit<GatewayInProcessOptions, 'accessTokenPublicKey' | 'gatewayKeys'>;
  /** The gateway's signing keys, for a test that signs forwarded viewers itself; generated for this stack by default. */
  gatewayKeys?: KeyPair;
  /** Where the gateway finds a subgraph instead of where it listens, by subgraph name (a capturing proxy in a test). */
  subgraphUrls?: Record<string, string>;
  /** Subgraphs verify forwarded viewers against the gateway's JWKS, as GATEWAY_JWKS_URL makes them do, not its key. */
  verifyWithGatewayJwks?: boolean;
  /** The broker, stream and subject prefix; by default the run's broker with a stream of this stack's own, so test files never hear each other. */
  events?: EventsSettings;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const definitions = options.subgraphs ?? (await loadLocalSubgraphs());
  const mongoUri = options.mongoUri ?? inject('mongoUri');
  const databaseNameFor = options.databaseNameFor ?? uniqueDatabaseName;
  const events = options.events ?? uniqueEventsSettings(inject('natsUrl'));
  const accessTokenKeys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  const gatewayKeys = options.gatewayKeys ?? ((await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair);
  const issue = (claims: Partial<AccessTokenClaims> & Pick<AccessTokenClaims, 'roles'>, ttlSeconds = 3600) =>
    issueAccessToken(accessTokenKeys.privateKey, { subject: claims.subject ?? claims.residentId ?? 'test:user', ...claims }, ttlSeconds);

  // The gateway's URL is known once startGraph returns; the subgraphs verify nothing before.
  const gatewayPublicKey: GatewayVerificationKey = options.verifyWithGatewayJwks ? gatewayJwks((): string => graph.gateway.url) : gatewayKeys.publicKey;
  const gatewayOptions: GatewayInProcessOptions = {
    rateLimits: null,
    events,
    ...options.gateway,
    accessTokenPublicKey: accessTokenKeys.publicKey,
    gatewayKeys,
    subgraphUrls: options.subgraphUrls,
    supergraphPath: options.supergraphPath,
    logger: options.logger?.child({ name: 'gateway' }),
  };
  const gateway = gatewayInProcess(gatewayOptions);
  let supergraphSdl = '';
  const graph = await startGraph({
    subgraphs: definitions.map((definition) =>
      subgraphInProcess(definition, {
        mongoUri,
        databaseName: databaseNameFor(definition.name),
        gatewayPublicKey,
        clock: options.clock,
        database: options.database,
        keepCommandEntries: true,
        events,
        logger: options.logger?.child({ name: definition.name }),
      }),
    ),
    remoteSubgraphs: options.remoteSubgraphs,
    compose: cachedComposer(inject('supergraphCacheDir'), new Set(definitions.map((definition) => definition.name))),
    gateway: {
      start(composed) {
        supergraphSdl = composed;
        return gateway.start(composed);
      },
    },
    accessTokenPrivateKey: accessTokenKeys.privateKey,
  });
  const subgraphs = new Map(graph.subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const otherGateways = new Map<GatewayRuntime, Promise<RunningGateway>>();

  return {
    gatewayUrl: graph.gateway.url,
    events,
    subgraph(name) {
      const subgraph = subgraphs.get(name);
      if (!subgraph) throw new Error(`No subgraph named ${name} in this stack`);
      return subgraph as RunningSubgraph<Record<string, never>>;
    },
    token: issue,
    query: queryAt(graph.gateway.url),
    commands() {
      return Object.fromEntries([...subgraphs].map(([name, subgraph]) => [name, subgraph.commands.entries()]));
    },
    resetCommands() {
      for (const subgraph of subgraphs.values()) subgraph.commands.reset();
    },
    async gatewayOn(runtime) {
      if (!otherGateways.has(runtime)) otherGateways.set(runtime, gatewayInProcess({ ...gatewayOptions, supergraphPath: undefined, runtime }).start(supergraphSdl));
      const other = await otherGateways.get(runtime)!;
      return { gatewayUrl: other.url, query: queryAt(other.url) };
    },
    async stop() {
      await Promise.all([...otherGateways.values()].map(async (other) => (await other).stop()));
      await graph.stop();
    },
  };
}

function queryAt(url: string): Stack['query'] {
  return async (query, variables = {}, { token, requestId, purpose } = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        ...(purpose !== undefined ? { [PURPOSE_HEADER]: encodeURIComponent(purpose) } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: GraphResponse['errors'] };
    return { status: response.status, data: (body.data ?? null) as never, errors: body.errors ?? [] };
  };
}

/** The gateway's JWKS, fetched on first use: subgraphs start before the gateway, and verify only once it runs. */
function gatewayJwks(gatewayUrl: () => string): JWTVerifyGetKey {
  let jwks: JWTVerifyGetKey | undefined;
  return (protectedHeader, token) => (jwks ??= createRemoteJWKSet(new URL(JWKS_PATH, gatewayUrl())))(protectedHeader, token);
}
