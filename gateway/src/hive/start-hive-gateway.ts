import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { Logger } from '@graphql-hive/logger';
import { PinoLogWriter } from '@graphql-hive/logger/writers/pino';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import express from 'express';
import { pino } from 'pino';
import type { GatewayContext } from '../gateway-context.ts';
import { gatewaySigningKey } from '@civic/identity';
import { DEFAULT_QUERY_CAPS } from '../limits/limit-policy.ts';
import { readSupergraph } from '../supergraph.ts';
import type { RunningGateway, StartGatewayOptions } from '../server.ts';
import { identityPlugin } from './identity-plugin.ts';
import { maskUnexpectedError } from './mask-error.ts';
import { queryLimitsPlugin } from './query-limits-plugin.ts';
import { subgraphErrorsPlugin } from './subgraph-errors-plugin.ts';

/**
 * The same supergraph served by Hive Gateway with its Rust query planner, under the same rules as
 * the Apollo runtime (startGateway): the same token checks, forwarded viewer, query limits,
 * refusals and health routes.
 */
export async function startHiveGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info') });
  // Hive serves the supergraph it starts with: following the file is the Apollo runtime's.
  const supergraphSdl = options.supergraphSdl ?? (await readSupergraph(options.supergraphPath!));
  const signingKey = await gatewaySigningKey(options.gatewayKeys, options.forwardedViewerLifetimeSeconds);
  const runtime = createGatewayRuntime<GatewayContext>({
    supergraph: supergraphSdl,
    unifiedGraphHandler,
    transports: { http: httpTransport },
    transportEntries: {
      // Hive's HTTP executor merges identical in-flight subgraph requests by URL and body, keyed
      // before any plugin adds headers in onFetch: two residents asking `{ me { id name } }` at
      // once would share one answer. Each request's subgraph calls carry a viewer signed for that
      // request, so merging across requests is never right and merging within one gains nothing.
      '*.http': { options: { deduplicateInflightRequests: false } },
      ...Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }])),
    },
    logging: logger.level === 'silent' ? false : new Logger({ level: hiveLevel(logger.level), writers: [new PinoLogWriter(logger)] }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    // The Apollo runtime's request id rule applies (identityPlugin), not Hive's own.
    requestId: false,
    maskedErrors: { maskError: maskUnexpectedError(logger) },
    plugins: () => [
      identityPlugin({ accessTokenPublicKey: options.accessTokenPublicKey, signingKey }),
      subgraphErrorsPlugin(),
      queryLimitsPlugin(supergraphSdl, options.queryCaps ?? DEFAULT_QUERY_CAPS),
    ],
  });

  const app = express();
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use(runtime);
  const httpServer = createServer(app);

  const port = await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
  logger.info({ port, runtime: 'hive' }, 'gateway ready');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
      await runtime.dispose();
    },
  };
}

function hiveLevel(pinoLevel: string): 'trace' | 'debug' | 'info' | 'warn' | 'error' {
  if (pinoLevel === 'trace' || pinoLevel === 'debug' || pinoLevel === 'info' || pinoLevel === 'warn') return pinoLevel;
  return 'error';
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
