import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { backoffDelay } from './backoff.ts';
import { encodeEvent } from './event-codec.ts';
import type { EventMetrics } from './event-metrics.ts';
import type { EventsLogger } from './events-logger.ts';
import type { OutboxDocument, OutboxModel } from './outbox.ts';
import { ensureStream, subjectOf } from './streams.ts';
import type { EventsSettings } from './settings.ts';

export interface PublisherOptions {
  outbox: OutboxModel;
  broker: NatsConnection;
  settings: EventsSettings;
  metrics: EventMetrics;
  logger: EventsLogger;
  /** How often the outbox is read when nothing woke the publisher (a missed or broken change stream). */
  pollIntervalMs?: number;
}

export interface RunningPublisher {
  /** Looks at the outbox now (the change stream does this after every commit). */
  nudge(): void;
  stop(): Promise<void>;
}

const BATCH_SIZE = 200;
const PUBLISH_TIMEOUT_MS = 5_000;
const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * Moves a service's committed events from its outbox to the stream, oldest first, each with its
 * id as the message id, and marks each published with its stream sequence once the broker has
 * acknowledged it. A change stream on the outbox wakes it after every commit; a poll is the
 * fallback. While the broker (or the database) is away it backs off and tries again; the outbox
 * keeps every event meanwhile, so writes go on committing.
 *
 * Several replicas of a service may each run one: they may publish the same event twice, and the
 * stream drops the second within its duplicate window (DUPLICATE_WINDOW_MS), acknowledging it with
 * the first one's sequence; so each event is in the stream once.
 */
export function startPublisher(options: PublisherOptions): RunningPublisher {
  const { outbox, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  let stopping = false;
  let wake: (() => void) | null = null;
  let woken = false;
  const nudge = () => {
    woken = true;
    wake?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const changes = watchOutbox(outbox, nudge, logger);

  const loop = (async () => {
    let streamReady = false;
    let failures = 0;
    const js = jetstream(options.broker);
    while (!stopping) {
      woken = false;
      try {
        if (!streamReady) {
          await ensureStream(await jetstreamManager(options.broker), options.settings);
          streamReady = true;
        }
        const published = await publishBatch(js, options);
        if (failures > 0) logger.info({ failures }, 'publishing events again');
        failures = 0;
        if (published < BATCH_SIZE) await pause(pollIntervalMs);
      } catch (error) {
        failures += 1;
        if (failures === 1) logger.warn({ err: error }, 'events cannot be published now; they wait in the outbox');
        await pause(backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS));
      }
    }
  })();

  return {
    nudge,
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      await changes.close();
    },
  };
}

/** Publishes the oldest unpublished events, in order; returns how many. */
async function publishBatch(js: JetStreamClient, { outbox, settings, metrics }: PublisherOptions): Promise<number> {
  const pending = await outbox.find({ publishedAt: null }).sort({ recordedAt: 1, _id: 1 }).limit(BATCH_SIZE).lean<OutboxDocument[]>();
  if (pending.length === 0) return 0;
  // Sent together on one connection, which the server reads in order: the stream keeps the outbox's order.
  const acks = await Promise.all(
    pending.map((entry) => js.publish(subjectOf(settings.subjectPrefix, entry.event), encodeEvent(entry.event), { msgID: entry._id, timeout: PUBLISH_TIMEOUT_MS })),
  );
  const publishedAt = new Date();
  await outbox.bulkWrite(
    pending.map((entry, index) => ({
      updateOne: { filter: { _id: entry._id, publishedAt: null }, update: { $set: { publishedAt, streamSequence: acks[index]!.seq } } },
    })),
    { ordered: false },
  );
  pending.forEach((entry, index) => {
    if (!acks[index]!.duplicate) metrics.published.inc({ kind: entry.event.kind });
  });
  return pending.length;
}

/**
 * Wakes the publisher on every insert into the outbox. A change stream the driver could not resume
 * (the database was away) is opened again a second later; meanwhile the poll serves.
 */
function watchOutbox(outbox: OutboxModel, onInsert: () => void, logger: EventsLogger): { close(): Promise<void> } {
  let closed = false;
  let current: ReturnType<OutboxModel['watch']> | null = null;
  let reopen: NodeJS.Timeout | undefined;
  const open = () => {
    const stream = outbox.watch([{ $match: { operationType: 'insert' } }]);
    current = stream;
    stream.on('change', onInsert);
    stream.on('error', (error: unknown) => {
      logger.warn({ err: error }, 'the outbox change stream failed; polling the outbox until it is back');
      void stream.close();
      if (!closed) reopen = setTimeout(open, 1_000);
    });
  };
  open();
  return {
    async close() {
      closed = true;
      clearTimeout(reopen);
      await current?.close();
    },
  };
}
