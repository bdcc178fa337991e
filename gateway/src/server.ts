import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { CryptoKey } from 'jose';
import { pino, type Logger } from 'pino';
import type { GatewayContext } from './gateway-context.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
import { DEFAULT_QUERY_CAPS, type QueryCapsByTier } from './limits/limit-policy.ts';
import { queryLimitsPlugin } from './limits/query-limits-plugin.ts';
import { startRateLimits, type RateLimitOptions } from './limits/rate-limits.ts';
import { tokenCapMiddleware } from './limits/token-cap.ts';
import { viewerOf } from './request-viewer.ts';
import { formatGatewayError } from './format-error.ts';

export interface StartGatewayOptions {
  supergraphSdl: string;
  /** Verifies callers' bearer tokens. */
  accessTokenPublicKey: CryptoKey;
  /** Signs the viewer forwarded to subgraphs. */
  gatewayPrivateKey: CryptoKey;
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
  logger?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info') });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url!, options.gatewayPrivateKey),
    logger,
  });
  const queryCaps = options.queryCaps ?? DEFAULT_QUERY_CAPS;
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    // Shutdown is ours (main.ts); Apollo's own signal handlers would race it and hang stop().
    stopOnTerminationSignals: false,
    formatError: formatGatewayError(logger),
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), queryLimitsPlugin(queryCaps)],
  });
  await apollo.start();
  const rateLimits = options.rateLimits === null ? undefined : await startRateLimits(options.rateLimits ?? {}, options.accessTokenPublicKey);
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    ...(rateLimits ? [rateLimits.middleware] : []),
    express.json({ limit: '1mb' }),
    tokenCapMiddleware(queryCaps, options.accessTokenPublicKey),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        viewer: await viewerOf(req, options.accessTokenPublicKey),
        requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID(),
      }),
    }),
  );

  const port = await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
  logger.info({ port }, 'gateway ready');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      await apollo.stop();
      await rateLimits?.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
