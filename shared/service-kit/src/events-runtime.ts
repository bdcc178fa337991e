import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import {
  connectBroker,
  createEventMetrics,
  outboxModel,
  startConsumerRunner,
  startPublisher,
  type EventConsumer,
  type EventsSettings,
  type RetryPolicy,
  type RunningConsumer,
  type RunningPublisher,
  type ServiceEventStore,
} from '@civic/events';
import { isDatabaseUnavailable } from './database-availability.ts';
import type { Logger } from './logger.ts';
import { inTransaction } from './transactions.ts';
import type { SubgraphServices } from './context.ts';

/** The kit's view of a service's database for the event machinery. */
export function serviceEventStore(connection: Connection): ServiceEventStore {
  return { connection, transaction: (work) => inTransaction(connection, work), isDatabaseUnavailable };
}

export interface EventsRuntimeOptions<TModels> {
  name: string;
  settings: EventsSettings;
  connection: Connection;
  consumers: readonly EventConsumer<SubgraphServices<TModels>>[];
  services: SubgraphServices<TModels>;
  metrics: Registry;
  logger: Logger;
  retry?: RetryPolicy;
}

export interface EventsRuntime {
  stop(): Promise<void>;
}

/**
 * A subgraph's side of the event backbone: its publisher and its consumers, on one connection to
 * the broker. They start once the broker answers, in the background: a subgraph starts and serves
 * while the broker is away, its events waiting in its outbox.
 */
export function startEventsRuntime<TModels>(options: EventsRuntimeOptions<TModels>): EventsRuntime {
  const { connection, logger } = options;
  const store = serviceEventStore(connection);
  const metrics = createEventMetrics(options.metrics, outboxModel(connection));
  const now = () => new Date();
  let stopped = false;
  let broker: Awaited<ReturnType<typeof connectBroker>> | null = null;
  let publisher: RunningPublisher | undefined;
  let consumers: RunningConsumer[] = [];
  connectBroker(options.settings.natsUrl, options.name).then(
    async (nats) => {
      // A subgraph stopped before the broker answered leaves nothing to start.
      if (stopped) return nats.close();
      broker = nats;
      publisher = startPublisher({ outbox: outboxModel(connection), broker: nats, settings: options.settings, metrics, logger });
      consumers = options.consumers.map((consumer) =>
        startConsumerRunner({ consumer, services: options.services, store, broker: nats, settings: options.settings, metrics, logger, now, retry: options.retry }),
      );
    },
    (error: unknown) => logger.error({ err: error }, 'the event broker cannot be used; events stay in the outbox'),
  );
  return {
    async stop() {
      stopped = true;
      await Promise.all([publisher?.stop(), ...consumers.map((consumer) => consumer.stop())]);
      await broker?.close();
    },
  };
}
