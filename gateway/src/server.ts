import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { CryptoKey } from 'jose';
import { gatewaySigningKey, JWKS_PATH, PURPOSE_HEADER, type KeyPair } from '@civic/identity';
import { pino, type Logger } from 'pino';
import type { GatewayContext } from './gateway-context.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
import { DEFAULT_QUERY_CAPS, type QueryCapsByTier } from './limits/limit-policy.ts';
import { queryLimitsPlugin } from './limits/query-limits-plugin.ts';
import { startRateLimits, type RateLimitOptions } from './limits/rate-limits.ts';
import { tokenCapMiddleware } from './limits/token-cap.ts';
import { viewerOf } from './request-viewer.ts';
import { requestPurpose } from './request-purpose.ts';
import { formatGatewayError } from './format-error.ts';
import { requestScope, requireCurrentRequest } from './requests/request-scope.ts';
import { accessLog, operationRecorder } from './requests/access-log.ts';
import { jsonBody } from './http/json-body.ts';
import { unexpectedError, unknownPath } from './http/fallbacks.ts';
import { operationResolution } from './operation-resolution.ts';
import { Readiness } from './readiness.ts';
import { subgraphsOf } from './supergraph-check.ts';
import { fixedSupergraph, watchedSupergraphFile } from './supergraph-source.ts';
import { explorerRoutes } from './explorer/explorer-routes.ts';
import { signedInIntrospectionOnly } from './introspection-access.ts';
import { serveJwks } from './jwks-route.ts';
import { createMetricsRegistry, METRICS_PATH, operationMetricsPlugin, serveMetrics } from '@civic/telemetry';
import { subgraphFetchMetrics } from './telemetry/subgraph-fetch-metrics.ts';
import type { EventsSettings } from '@civic/events';
import { LiveUpdates } from './live/live-updates.ts';
import { liveRoute } from './live/live-route.ts';

export interface StartGatewayOptions {
  /** The composed supergraph, served as it is for the gateway's life. Give this or `supergraphPath`. */
  supergraphSdl?: string;
  /** A supergraph file the gateway follows: a changed file is served without a restart. */
  supergraphPath?: string;
  /** Verifies callers' bearer tokens. */
  accessTokenPublicKey: CryptoKey;
  /** Signs the viewer forwarded to subgraphs; the public half is served at /.well-known/jwks.json. */
  gatewayKeys: KeyPair;
  /** How long each forwarded viewer lives, 1 to 30 seconds (30 by default); shorter in tests that outlast it. */
  forwardedViewerLifetimeSeconds?: number;
  /** Subgraph URLs that replace the routing URLs baked into the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  port?: number;
  host?: string;
  /** Caps and cost budgets of one operation, by caller role. */
  queryCaps?: QueryCapsByTier;
  /** Requests per window, by caller role; `null` turns rate limits off. */
  rateLimits?: RateLimitOptions | null;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For gives an anonymous caller's address; none when absent. */
  trustProxy?: boolean | number | string;
  /** Whether anonymous callers may introspect the schema; main.ts turns it off when NODE_ENV=production. */
  anonymousIntrospection?: boolean;
  /** The event broker that feeds subscriptions (live/); without it the gateway serves none. */
  events?: EventsSettings | null;
  logger?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info') });
  const readiness = new Readiness();
  const signingKey = await gatewaySigningKey(options.gatewayKeys, options.forwardedViewerLifetimeSeconds);
  const metrics = createMetricsRegistry('gateway');
  const subgraphFetches = subgraphFetchMetrics(metrics);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSource(options, logger),
    buildService: ({ name, url }) => subgraphFetches.measure(name, new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url!, signingKey)),
    logger,
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => readiness.serving(subgraphsOf(coreSupergraphSdl, options.subgraphUrls)));
  const live = options.events ? new LiveUpdates(gateway, options.events, logger) : undefined;
  const queryCaps = options.queryCaps ?? DEFAULT_QUERY_CAPS;
  const app = express();
  app.use(requestScope(logger));
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    // Shutdown is ours (main.ts); Apollo's own signal handlers would race it and hang stop().
    stopOnTerminationSignals: false,
    formatError: formatGatewayError(logger),
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // Introspection is ours to govern (Apollo would turn it off for everyone in production), and
    // the explorer replaces Apollo's landing page, which loads from Apollo's CDN.
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operationRecorder,
      operationResolution,
      queryLimitsPlugin(queryCaps),
      operationMetricsPlugin(metrics),
      ...(options.anonymousIntrospection === false ? [signedInIntrospectionOnly()] : []),
    ],
  });
  await apollo.start();
  await live?.start();
  const rateLimits = options.rateLimits === null ? undefined : await startRateLimits(options.rateLimits ?? {}, options.accessTokenPublicKey);
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get(METRICS_PATH, serveMetrics(metrics));
  app.get('/health/ready', readiness.handler);
  app.use(explorerRoutes('/graphql'));
  app.get(JWKS_PATH, serveJwks(signingKey.jwks));
  app.use(
    '/graphql',
    accessLog(),
    ...(rateLimits ? [rateLimits.middleware] : []),
    ...jsonBody(),
    tokenCapMiddleware(queryCaps, options.accessTokenPublicKey),
    ...(live ? [liveRoute(live, apollo, options.accessTokenPublicKey)] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const request = requireCurrentRequest();
        const viewer = await viewerOf(req, options.accessTokenPublicKey);
        request.roles = viewer.roles;
        return { viewer, requestId: request.id, purpose: requestPurpose(req.headers[PURPOSE_HEADER]) };
      },
    }),
  );
  // Last, after every route: JSON for unknown paths and for anything that escaped a route.
  app.use(unknownPath, unexpectedError);

  const port = await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
  logger.info({ port }, 'gateway ready');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      await live?.stop();
      await apollo.stop();
      await rateLimits?.close();
    },
  };
}

function supergraphSource(options: StartGatewayOptions, logger: Logger) {
  if (options.supergraphPath !== undefined) return watchedSupergraphFile(options.supergraphPath, logger);
  if (options.supergraphSdl !== undefined) return fixedSupergraph(options.supergraphSdl);
  throw new Error('startGateway needs a supergraphSdl or a supergraphPath');
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
