import type { JetStreamManager } from '@nats-io/jetstream';
import { everyConsumer } from './consumers-of.ts';
import type { EventDatabases } from './event-databases.ts';

const POLL_MS = 250;

/**
 * Waits until the graph's events are all handled: no outbox holds an unpublished event and no
 * consumer has a delivery pending or unacknowledged, so that a measured run does not queue behind
 * the events of the setup or of the writes before it. False if that did not happen within `limitMs`.
 */
export async function waitUntilQuiet(databases: EventDatabases, manager: JetStreamManager, streamName: string, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if ((await databases.unpublished()) === 0 && (await undelivered(manager, streamName)) === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function undelivered(manager: JetStreamManager, streamName: string): Promise<number> {
  let count = 0;
  for (const { consumer } of everyConsumer()) {
    const info = await manager.consumers.info(streamName, consumer);
    count += info.num_pending + info.num_ack_pending;
  }
  return count;
}
