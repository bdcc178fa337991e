import { EVENT_OWNERS, type EventKind } from '@civic/events';
import type { HearingConsumer } from './consumers-of.ts';
import type { EventDatabases } from './event-databases.ts';
import type { EventTiming } from './lag-figures.ts';

/** When the requests that made the events were sent: from before the first to after the last answer. */
export interface Window {
  from: Date;
  to: Date;
}

export interface ConsumerTimings {
  consumer: HearingConsumer;
  timings: EventTiming[];
}

export interface SettledTimings {
  /** Events of the kind that the source service recorded within the window. */
  recorded: number;
  byConsumer: ConsumerTimings[];
  /** Every event published and every consumer done with each (applied or parked) before the time limit. */
  settled: boolean;
}

const POLL_MS = 250;

/**
 * The events of `kind` the source recorded within `window`, and when each was published and
 * applied by each consumer, read again until every consumer applied or parked every one, or
 * until `limitMs` has passed: what is still missing then is reported as missing, not waited for.
 */
export async function settledTimings(databases: EventDatabases, kind: EventKind, window: Window, consumers: readonly HearingConsumer[], limitMs: number): Promise<SettledTimings> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const read = await readTimings(databases, kind, window, consumers);
    if (read.settled || Date.now() >= deadline) return read;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function readTimings(databases: EventDatabases, kind: EventKind, window: Window, consumers: readonly HearingConsumer[]): Promise<SettledTimings> {
  const recorded = await databases
    .of(EVENT_OWNERS[kind])
    .outbox.find({ 'event.kind': kind, recordedAt: { $gte: window.from, $lte: window.to } }, { event: 1, publishedAt: 1 })
    .lean();
  const ids = recorded.map(({ _id }) => _id);
  let settled = recorded.every(({ publishedAt }) => publishedAt !== null);
  const byConsumer: ConsumerTimings[] = [];
  for (const consumer of consumers) {
    const { applied, parked } = databases.of(consumer.service);
    const appliedAt = new Map((await applied.find({ consumer: consumer.consumer, eventId: { $in: ids } }, { eventId: 1, appliedAt: 1 }).lean()).map((entry) => [entry.eventId, entry.appliedAt]));
    const parkedIds = new Set((await parked.find({ consumer: consumer.consumer, eventId: { $in: ids } }, { eventId: 1 }).lean()).map((entry) => entry.eventId));
    const timings = recorded.map(({ _id, event, publishedAt }) => ({ occurredAt: new Date(event.occurredAt), publishedAt, appliedAt: appliedAt.get(_id) ?? null, parked: parkedIds.has(_id) }));
    settled &&= timings.every((timing) => timing.appliedAt !== null || timing.parked);
    byConsumer.push({ consumer, timings });
  }
  return { recorded: recorded.length, byConsumer, settled };
}
