import type { RunningSubgraph } from '@civic/service-kit';

export interface WaitOptions {
  /** How long to wait before failing the test; the answer usually comes within milliseconds. */
  timeoutMs?: number;
}

const POLL_MS = 20;

/** Resolves once `consumer` of this subgraph has applied every one of `eventIds`; fails after the timeout naming those still missing. */
export async function waitUntilApplied(subgraph: Pick<RunningSubgraph<unknown>, 'eventCollections'>, consumer: string, eventIds: readonly string[], options: WaitOptions = {}): Promise<void> {
  const { appliedEvents } = subgraph.eventCollections;
  await pollUntil(options, async () => {
    const applied = new Set((await appliedEvents.find({ consumer, eventId: { $in: eventIds } }, { eventId: 1 }).lean()).map((entry) => entry.eventId));
    const missing = eventIds.filter((id) => !applied.has(id));
    return missing.length === 0 ? null : `${consumer} has not applied ${missing.length} of ${eventIds.length} events (${missing.slice(0, 3).join(', ')}...)`;
  });
}

/** Resolves once `consumer` of this subgraph has applied at least `count` of `eventIds` (a test that acts in the middle of a burst). */
export async function waitUntilAppliedAtLeast(subgraph: Pick<RunningSubgraph<unknown>, 'eventCollections'>, consumer: string, eventIds: readonly string[], count: number, options: WaitOptions = {}): Promise<void> {
  const { appliedEvents } = subgraph.eventCollections;
  await pollUntil(options, async () => {
    const applied = await appliedEvents.countDocuments({ consumer, eventId: { $in: eventIds } });
    return applied >= count ? null : `${consumer} has applied ${applied} of ${eventIds.length} events, not yet ${count}`;
  });
}

/** Resolves once `consumer` of this subgraph has parked every one of `eventIds`. */
export async function waitUntilParked(subgraph: Pick<RunningSubgraph<unknown>, 'eventCollections'>, consumer: string, eventIds: readonly string[], options: WaitOptions = {}): Promise<void> {
  const { parkedEvents } = subgraph.eventCollections;
  await pollUntil(options, async () => {
    const parked = await parkedEvents.countDocuments({ consumer, eventId: { $in: eventIds } });
    return parked === eventIds.length ? null : `${consumer} has parked ${parked} of ${eventIds.length} events`;
  });
}

/** Resolves once the broker has acknowledged every event in this subgraph's outbox. */
export async function waitUntilPublished(subgraph: Pick<RunningSubgraph<unknown>, 'eventCollections'>, options: WaitOptions = {}): Promise<void> {
  const { outbox } = subgraph.eventCollections;
  await pollUntil(options, async () => {
    const pending = await outbox.countDocuments({ publishedAt: null });
    return pending === 0 ? null : `${pending} events are still unpublished in the outbox`;
  });
}

/** Resolves once the broker has acknowledged at least `count` of `eventIds` from this subgraph's outbox. */
export async function waitUntilPublishedAtLeast(subgraph: Pick<RunningSubgraph<unknown>, 'eventCollections'>, eventIds: readonly string[], count: number, options: WaitOptions = {}): Promise<void> {
  const { outbox } = subgraph.eventCollections;
  await pollUntil(options, async () => {
    const published = await outbox.countDocuments({ _id: { $in: eventIds }, publishedAt: { $ne: null } });
    return published >= count ? null : `${published} of ${eventIds.length} events are published, not yet ${count}`;
  });
}

/** Polls `check` (null: done, else what is still awaited) until done, or throws what was last awaited. */
async function pollUntil(options: WaitOptions, check: () => Promise<string | null>): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const waitingFor = await check();
    if (waitingFor === null) return;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${waitingFor}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
