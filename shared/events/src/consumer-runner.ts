import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, JetStreamApiCodes, JetStreamApiError, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { applyEventOnce } from './apply-once.ts';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.ts';
import { UnapplicableEvent, type EventConsumer } from './consumer.ts';
import { decodeEvent } from './event-codec.ts';
import type { EventMetrics } from './event-metrics.ts';
import type { EventsLogger } from './events-logger.ts';
import type { ServiceEventStore } from './event-store.ts';
import type { AnyCivicEvent } from './event.ts';
import { parkedEventModel, parkEvent } from './parked-events.ts';
import { ensureStream, subjectOfKind } from './streams.ts';
import type { EventsSettings } from './settings.ts';

export interface ConsumerRunnerOptions<TServices> {
  consumer: EventConsumer<TServices>;
  services: TServices;
  store: ServiceEventStore;
  broker: NatsConnection;
  settings: EventsSettings;
  metrics: EventMetrics;
  logger: EventsLogger;
  now: () => Date;
  retry?: RetryPolicy;
}

export interface RunningConsumer {
  /** Stops taking events; the one being applied finishes (or, unacknowledged, is delivered again later). */
  stop(): Promise<void>;
}

const ACK_WAIT_MS = 30_000;
const SETUP_RETRY_MAX_MS = 5_000;

/**
 * Runs a consumer on its durable JetStream consumer (named after it, filtered to its kinds), one
 * event at a time in stream order, each applied exactly once (`applyEventOnce`) and then
 * acknowledged. An event whose application fails is delivered again after a growing delay (a
 * negative acknowledgement with that delay); after `retry.maxDeliveries` failed deliveries, or at once
 * for an `UnapplicableEvent`, it is parked in parkedEvents with its reason and acknowledged, so
 * it blocks nothing. While the database is away nothing is parked: the event waits for it.
 * The broker being away, or not there yet, only delays the start and the deliveries.
 */
export function startConsumerRunner<TServices>(options: ConsumerRunnerOptions<TServices>): RunningConsumer {
  const { consumer, logger } = options;
  let stopping = false;
  let messages: ConsumerMessages | null = null;
  let cancelWait: (() => void) | null = null;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let failures = 0;
    while (!stopping) {
      try {
        messages = await openDurableConsumer(options);
        failures = 0;
        if (stopping) break;
        for await (const message of messages) await handle(message, options);
        // The deliveries ended without being stopped (the durable consumer was removed): open it again.
        if (!stopping) await wait(250);
      } catch (error) {
        failures += 1;
        if (failures === 1) logger.warn({ err: error, consumer: consumer.name }, 'the event consumer cannot start yet; trying again');
        await wait(backoffDelay(failures, 250, SETUP_RETRY_MAX_MS));
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      cancelWait?.();
      await messages?.close();
      await loop;
    },
  };
}

/** The consumer's durable JetStream consumer, created or brought to its kinds, and its deliveries. */
async function openDurableConsumer<TServices>({ consumer, broker, settings }: ConsumerRunnerOptions<TServices>): Promise<ConsumerMessages> {
  const manager = await jetstreamManager(broker);
  await ensureStream(manager, settings);
  const config = {
    filter_subjects: consumer.kinds.map((kind) => subjectOfKind(settings.subjectPrefix, kind)),
    ack_wait: ACK_WAIT_MS * 1_000_000,
    // Redelivery never ends on the broker's side: the runner parks an event after its own count.
    max_deliver: -1,
  };
  try {
    await manager.consumers.info(settings.streamName, consumer.name);
    await manager.consumers.update(settings.streamName, consumer.name, config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.ConsumerNotFound) throw error;
    await manager.consumers.add(settings.streamName, { ...config, durable_name: consumer.name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
  }
  const durable = await jetstream(broker).consumers.get(settings.streamName, consumer.name);
  return durable.consume({ max_messages: 100 });
}

async function handle<TServices>(message: JsMsg, options: ConsumerRunnerOptions<TServices>): Promise<void> {
  const { consumer, services, store, metrics, logger, now } = options;
  let event: AnyCivicEvent;
  try {
    event = decodeEvent(message.data);
  } catch (error) {
    // Not an event at all: nothing to park or apply, and no delivery will change that.
    logger.error({ err: error, consumer: consumer.name, streamSequence: message.seq }, 'a message on the events stream is not an event; dropped');
    message.term('not an event');
    return;
  }
  const attempts = message.info.deliveryCount;
  try {
    const outcome = await applyEventOnce(consumer, event, services, store, now);
    if (outcome === 'applied') {
      metrics.applied.inc({ consumer: consumer.name, kind: event.kind });
      metrics.lag.observe({ consumer: consumer.name }, (now().getTime() - Date.parse(event.occurredAt)) / 1000);
    }
    message.ack();
  } catch (error) {
    const { maxDeliveries, baseDelayMs, maxDelayMs } = options.retry ?? DEFAULT_RETRY_POLICY;
    const retryDelay = backoffDelay(attempts, baseDelayMs, maxDelayMs);
    if (store.isDatabaseUnavailable(error)) {
      message.nak(retryDelay);
      return;
    }
    const unapplicable = error instanceof UnapplicableEvent;
    if (!unapplicable && attempts < maxDeliveries) {
      logger.warn({ err: error, consumer: consumer.name, eventId: event.id, attempts }, 'applying an event failed; it will be delivered again');
      message.nak(retryDelay);
      return;
    }
    const reason = unapplicable ? error.reason : error instanceof Error ? error.message : String(error);
    try {
      await parkEvent(parkedEventModel(store.connection), { consumer: consumer.name, event, reason, attempts, streamSequence: message.seq }, now());
    } catch (parkingError) {
      logger.error({ err: parkingError, consumer: consumer.name, eventId: event.id }, 'an event could not be parked; it will be delivered again');
      message.nak(retryDelay);
      return;
    }
    metrics.parked.inc({ consumer: consumer.name, kind: event.kind });
    logger.error({ consumer: consumer.name, eventId: event.id, kind: event.kind, attempts, reason }, 'event parked');
    message.ack();
  }
}
