import type { Registry } from 'prom-client';
import type { Connection } from 'mongoose';
import {
  connectBroker,
  createEventMetrics,
  outboxModel,
  startConsumerRunner,
  startPublisher,
  type EventsSettings,
  type RetryPolicy,
  type RunningConsumer,
  type RunningPublisher,
  type ServiceEventStore,
} from '@civic/events';
import type { Clock } from './clock.ts';
import { connectServiceDatabase } from './database.ts';
import type { DatabaseSettings } from './database-settings.ts';
import { isDatabaseUnavailable } from './database-availability.ts';
import type { GraphClient } from './graph-client.ts';
import type { Logger } from './logger.ts';
import { eventCollections } from './service-collections.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';
import { inTransaction } from './transactions.ts';

/** The kit's view of a service's database for the event machinery. */
export function serviceEventStore(connection: Connection): ServiceEventStore {
  return { connection, transaction: (work) => inTransaction(connection, work), isDatabaseUnavailable };
}

export interface EventsRuntimeOptions<TModels extends object> {
  definition: SubgraphDefinition<TModels, unknown>;
  settings: EventsSettings;
  mongoUri: string;
  databaseName: string;
  database: DatabaseSettings;
  clock: Clock;
  graph: GraphClient;
  metrics: Registry;
  logger: Logger;
  retry?: RetryPolicy;
}

export interface EventsRuntime {
  /** The event collections, on the runtime's own connection. */
  collections: ReturnType<typeof eventCollections>;
  stop(): Promise<void>;
}

/**
 * A subgraph's side of the event backbone: its publisher and its consumers. They work on a
 * database connection of their own, with the service's models made again on it, so their
 * commands never mix with the requests' (which tests count), and on one connection to the broker.
 * They start once the broker answers, in the background: a subgraph starts and serves while the
 * broker is away, its events waiting in its outbox.
 */
export async function startEventsRuntime<TModels extends object>(options: EventsRuntimeOptions<TModels>): Promise<EventsRuntime> {
  const { definition, logger } = options;
  const { connection } = await connectServiceDatabase(options.mongoUri, options.databaseName, options.database);
  const collections = eventCollections(connection);
  const store = serviceEventStore(connection);
  const services = { models: definition.createModels(connection), clock: options.clock, graph: options.graph, logger };
  const metrics = createEventMetrics(options.metrics, outboxModel(connection));
  const now = () => new Date();
  let stopped = false;
  let broker: Awaited<ReturnType<typeof connectBroker>> | null = null;
  let publisher: RunningPublisher | undefined;
  let consumers: RunningConsumer[] = [];
  connectBroker(options.settings.natsUrl, definition.name).then(
    async (nats) => {
      // A subgraph stopped before the broker answered leaves nothing to start.
      if (stopped) return nats.close();
      broker = nats;
      publisher = startPublisher({ outbox: collections.outbox, broker: nats, settings: options.settings, metrics, logger });
      consumers = (definition.consumers ?? []).map((consumer) =>
        startConsumerRunner({ consumer, services, store, broker: nats, settings: options.settings, metrics, logger, now, retry: options.retry }),
      );
    },
    (error: unknown) => logger.error({ err: error }, 'the event broker cannot be used; events stay in the outbox'),
  );
  return {
    collections,
    async stop() {
      stopped = true;
      await Promise.all([publisher?.stop(), ...consumers.map((consumer) => consumer.stop())]);
      await broker?.close();
      await connection.close();
    },
  };
}
