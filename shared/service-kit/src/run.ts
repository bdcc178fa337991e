import { defaultKeysDir, resolveGatewayVerificationKey } from '@civic/identity';
import { stopTracing } from '@civic/telemetry/tracing';
import { eventsSettingsFromEnv } from '@civic/events';
import { createLogger } from './logger.ts';
import { createGraphClient, disconnectedGraphClient } from './graph-client.ts';
import { startSubgraph } from './server.ts';
import { answerCommandCountRequests } from './command-count-channel.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/**
 * Runs a subgraph as its own process, configured by the environment:
 * PORT, HOST, MONGODB_URI, MONGODB_DATABASE (default `civic_<name>`), GATEWAY_URL and
 * SERVICE_TOKEN (to ask the graph), GATEWAY_JWKS_URL, GATEWAY_PUBLIC_JWK or CIVIC_KEYS_DIR (to verify the gateway),
 * NATS_URL, NATS_STREAM, NATS_SUBJECT_PREFIX and NATS_STREAM_REPLICAS (the event broker; without NATS_URL events wait in the outbox).
 */
export async function runSubgraph<TModels extends object, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  defaultPort: number,
): Promise<void> {
  const logger = createLogger(definition.name);
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) {
    logger.fatal('MONGODB_URI is not set; start the whole system with `npm start`, or point MONGODB_URI at a server');
    process.exit(1);
  }
  const gatewayUrl = process.env.GATEWAY_URL;
  const serviceToken = process.env.SERVICE_TOKEN;
  const events = eventsSettingsFromEnv();
  if (!events) logger.warn('NATS_URL is not set: events are written to the outbox and wait there; consumers do not run');
  const running = await startSubgraph(definition, {
    mongoUri,
    databaseName: process.env.MONGODB_DATABASE ?? `civic_${definition.name}`,
    gatewayPublicKey: await resolveGatewayVerificationKey(defaultKeysDir()),
    port: Number(process.env.PORT ?? defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
    logger,
    graph: gatewayUrl && serviceToken ? createGraphClient({ url: () => gatewayUrl, token: () => serviceToken }) : disconnectedGraphClient,
    events: events ?? undefined,
  });
  answerCommandCountRequests(running.commands);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await running.stop();
    await stopTracing();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
