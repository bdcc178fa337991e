import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { EventsSettings, RetryPolicy } from '@civic/events';
import { FORWARDED_VIEWER_HEADER, ForwardedViewerRefused, verifyForwardedViewer, type GatewayVerificationKey, type VerifiedForwardedViewer } from '@civic/identity';
import { createMetricsRegistry, METRICS_PATH, observeDatabaseCommands, operationMetricsPlugin, serveMetrics } from '@civic/telemetry';
import { systemClock, type Clock } from './clock.ts';
import { createLogger, type Logger } from './logger.ts';
import { connectServiceDatabase, type CommandLog } from './database.ts';
import { apiDatabaseSettings, type DatabaseSettings } from './database-settings.ts';
import { unauthenticated } from './errors.ts';
import { createErrorFormatter } from './error-formatting.ts';
import { disconnectedGraphClient, type GraphClient } from './graph-client.ts';
import { buildSchema } from './schema.ts';
import type { SubgraphContext } from './context.ts';
import { createRequestContext } from './request-context.ts';
import { requestLogger, withRequestLogger } from './request-logger.ts';
import { failureLog } from './failure-log.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';
import { startEventsRuntime } from './events-runtime.ts';
import { buildServiceCollections, eventCollections } from './service-collections.ts';

export interface StartSubgraphOptions {
  mongoUri: string;
  databaseName: string;
  /** Verifies the viewer header the gateway signs: its public key, or its JWKS (`resolveGatewayVerificationKey`). */
  gatewayPublicKey: GatewayVerificationKey;
  port?: number;
  host?: string;
  clock?: Clock;
  logger?: Logger;
  graph?: GraphClient;
  /** Time limits and patience with the database; from the environment unless given (apiDatabaseSettings). */
  database?: DatabaseSettings;
  /** Keep every database command in `commands` (tests), not just their count. */
  keepCommandEntries?: boolean;
  /**
   * The event broker: with it, the subgraph's publisher and its definition's consumers run and stop
   * with it. Without it, events are still written to the outbox, and wait there.
   */
  events?: EventsSettings;
  /** How the consumers retry an event before parking it; DEFAULT_RETRY_POLICY unless given (tests shorten it). */
  eventRetry?: RetryPolicy;
}

export interface RunningSubgraph<TModels> {
  name: string;
  url: string;
  port: number;
  models: TModels;
  commands: CommandLog;
  /** The service's outbox and its consumers' applied and parked events; on the event runtime's own connection when it runs, so reading them adds nothing to `commands`. */
  eventCollections: ReturnType<typeof eventCollections>;
  stop(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

/** Starts one subgraph over HTTP: database, indexes, schema, context, health checks, shutdown. */
export async function startSubgraph<TModels extends object, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<TModels>> {
  const logger = options.logger ?? createLogger(definition.name);
  const clock = options.clock ?? systemClock;
  const graph = options.graph ?? disconnectedGraphClient;
  const metrics = createMetricsRegistry(definition.name);
  const { connection, commands } = await connectServiceDatabase(options.mongoUri, options.databaseName, options.database ?? apiDatabaseSettings(), {
    keepCommandEntries: options.keepCommandEntries ?? false,
  });
  observeDatabaseCommands(connection.getClient(), metrics);
  const models = definition.createModels(connection);
  definition.registerMetrics?.(metrics, models);
  await buildServiceCollections(models, connection);
  await definition.backfill?.(models);
  const events = options.events
    ? await startEventsRuntime({
        definition,
        settings: options.events,
        mongoUri: options.mongoUri,
        databaseName: options.databaseName,
        database: options.database ?? apiDatabaseSettings(),
        clock,
        graph,
        metrics,
        logger: logger.child({ component: 'events' }),
        retry: options.eventRetry,
      })
    : null;

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<SubgraphContext<TModels, TLoaders>>({
    schema: buildSchema(definition),
    logger,
    // Shutdown is ours (run.ts); Apollo's own signal handlers would race it and hang stop().
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // Inline traces feed a usage-reporting service this graph does not use.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), failureLog(logger), operationMetricsPlugin(metrics)],
  });
  await apollo.start();

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get(METRICS_PATH, serveMetrics(metrics));
  app.get('/health/ready', async (_request, response) => {
    try {
      await connection.db!.admin().ping();
      response.json({ status: 'ok' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });
  app.use(
    GRAPHQL_PATH,
    withRequestLogger(logger),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { viewer, requestId, purpose } = await viewerFromGateway(req.headers[FORWARDED_VIEWER_HEADER], options.gatewayPublicKey, definition.name);
        return createRequestContext(definition, { models, clock, graph, logger: requestLogger(logger) }, viewer, { id: requestId, purpose });
      },
    }),
  );

  const port = await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
  logger.info({ port }, 'subgraph ready');
  return {
    name: definition.name,
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    port,
    models,
    commands,
    eventCollections: events?.collections ?? eventCollections(connection),
    async stop() {
      await apollo.stop();
      await events?.stop();
      await connection.close();
    },
  };
}

/** Only the gateway (or a service going through it) may call a subgraph, with a viewer signed for this one. */
async function viewerFromGateway(header: string | string[] | undefined, gatewayKey: GatewayVerificationKey, subgraphName: string): Promise<VerifiedForwardedViewer> {
  try {
    if (typeof header !== 'string' || header.length === 0) throw new ForwardedViewerRefused('missing');
    return await verifyForwardedViewer(gatewayKey, header, subgraphName);
  } catch (error) {
    if (error instanceof ForwardedViewerRefused) throw unauthenticated(error.message);
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
