import { randomBytes } from 'node:crypto';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { redactUri, startBroker } from '@civic/dev-platform';
import { connectBroker, type EventsSettings } from '@civic/events';
import type { Teardown } from '../teardown.ts';

/** The broker of one scale's run, with a stream the run alone uses, and a manager to ask it how far each consumer got. */
export interface BenchBroker {
  events: EventsSettings;
  manager: JetStreamManager;
  /** The embedded server's process, for its memory; undefined for NATS_URL's. */
  pid: number | undefined;
}

/**
 * NATS_URL's broker, else an embedded, throw-away one. The run's stream and subjects are its own
 * (`BENCH_<hex>`, `bench_<hex>.…`), so a shared broker keeps nothing of the run: the stream is
 * deleted in teardown, and an embedded broker's store goes with it.
 */
export async function startBenchBroker(teardown: Teardown, log: (line: string) => void): Promise<BenchBroker> {
  const broker = await startBroker({ ephemeral: true, log });
  teardown.add('stop the broker', () => broker.stop());
  log(`broker: ${broker.kind === 'external' ? redactUri(broker.url) : `embedded nats-server, process ${broker.pid}`}`);
  const suffix = randomBytes(4).toString('hex');
  const events: EventsSettings = { natsUrl: broker.url, streamName: `BENCH_${suffix}`, subjectPrefix: `bench_${suffix}`, streamReplicas: 1 };
  const connection = await connectBroker(broker.url, 'bench');
  teardown.add('close the bench connection to the broker', () => connection.close());
  const manager = await jetstreamManager(connection);
  teardown.add(`delete the stream ${events.streamName}`, async () => {
    await manager.streams.delete(events.streamName);
  });
  return { events, manager, pid: broker.pid };
}
