import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectBroker } from '@civic/events';
import { uniqueEventsSettings, waitUntilApplied, waitUntilAppliedAtLeast, waitUntilPublished, waitUntilPublishedAtLeast } from '@civic/test-harness';
import { confirmWishes, tallies, TALLY_CONSUMER } from './support/tally-services.ts';
import { startTallyServiceProcesses, type TallyServiceProcesses } from './support/tally-processes.ts';
import '@civic/dev-platform/provided-context';

/**
 * The source and tally services as processes of their own, SIGKILLed in the middle of their work:
 * no shutdown runs, so whatever a process had taken from the broker or the outbox and not finished
 * is left exactly as a crash leaves it.
 */
const events = uniqueEventsSettings(inject('natsUrl'));
let services: TallyServiceProcesses;

beforeAll(async () => {
  services = await startTallyServiceProcesses(events);
});
afterAll(async () => {
  await services?.close();
});

const BURST = 150;
/**
 * A killed consumer resumes in about a minute: what it had taken and not acknowledged is delivered
 * again after the durable consumer's ack wait (30 s), and the transaction it died in holds that
 * event's records until the database reaps it (60 s idle, as mongod's transactionLifetimeLimitSeconds);
 * a closed connection does not abort it. The three kills fall within seconds, so their waits overlap.
 */
const RESUME_TIMEOUT_MS = 90_000;

describe('a consuming service killed mid-stream', () => {
  // Each restart may wait out the transaction the previous kill left, so each has the resume time.
  it('applies every effect exactly once after being killed at three points of three bursts and started again', { timeout: 5 * RESUME_TIMEOUT_MS }, async () => {
    const { tally } = services;
    const all: { wishId: string; rating: number }[] = [];
    const allIds: string[] = [];
    // Each burst waits in the stream while the consumer is down, so the kill falls in the middle of applying it.
    await tally.stop();
    for (const [round, killAfter] of [10, 60, 110].entries()) {
      const ratings = burst(`w-crash-${round}`);
      const ids = (await confirmWishes(services.source, ratings)).map((event) => event.id);
      await tally.start();
      await waitUntilAppliedAtLeast(tally, TALLY_CONSUMER, ids, killAfter, { timeoutMs: RESUME_TIMEOUT_MS });
      await tally.kill();
      // Read from its database once it is dead: the effects it had committed, and no more will come.
      const appliedAtKill = await tally.eventCollections.appliedEvents.countDocuments({ eventId: { $in: ids } });
      expect(appliedAtKill).toBeGreaterThanOrEqual(killAfter);
      expect(appliedAtKill).toBeLessThan(BURST);
      all.push(...ratings);
      allIds.push(...ids);
    }
    await tally.start();
    await waitUntilApplied(tally, TALLY_CONSUMER, allIds, { timeoutMs: RESUME_TIMEOUT_MS });

    await expectAppliedOnce(all, allIds);
  });
});

describe('a publishing service killed mid-burst', () => {
  it('puts every event in the stream once and has it applied once after it is started again', { timeout: 2 * RESUME_TIMEOUT_MS }, async () => {
    const { source } = services;
    const messagesBefore = await streamMessages();
    const ratings = burst('w-publisher');
    const firstHalf = (await confirmWishes(source, ratings.slice(0, BURST / 2))).map((event) => event.id);
    await waitUntilPublishedAtLeast(source, firstHalf, 1);
    await source.kill();
    const publishedAtKill = await source.eventCollections.outbox.countDocuments({ _id: { $in: firstHalf }, publishedAt: { $ne: null } });
    expect(publishedAtKill).toBeGreaterThan(0);
    // The rest commits with no publisher running: it waits in the outbox.
    const ids = [...firstHalf, ...(await confirmWishes(source, ratings.slice(BURST / 2))).map((event) => event.id)];
    expect(await source.eventCollections.outbox.countDocuments({ _id: { $in: ids }, publishedAt: null })).toBe(BURST - publishedAtKill);
    // The worst moment to die: every event the broker acknowledged is still unmarked in the outbox, so each is published again.
    expect(await streamMessages()).toBeGreaterThanOrEqual(messagesBefore + publishedAtKill);
    await source.eventCollections.outbox.updateMany({ _id: { $in: ids } }, { $set: { publishedAt: null, streamSequence: null } });
    await source.start();
    await waitUntilPublished(source);
    await waitUntilApplied(services.tally, TALLY_CONSUMER, ids);

    expect(await streamMessages()).toBe(messagesBefore + BURST);
    const outbox = await source.eventCollections.outbox.find({ _id: { $in: ids } }, { streamSequence: 1 }).lean();
    expect(new Set(outbox.map((entry) => entry.streamSequence)).size).toBe(BURST);
    await expectAppliedOnce(ratings, ids);
  });
});

function burst(prefix: string): { wishId: string; rating: number }[] {
  return Array.from({ length: BURST }, (_, index) => ({ wishId: `${prefix}-${index}`, rating: (index % 5) + 1 }));
}

/** Each wish's rating added once, each event applied once, nothing parked. */
async function expectAppliedOnce(ratings: { wishId: string; rating: number }[], ids: string[]): Promise<void> {
  const { tally } = services;
  const totals = await tallies(tally);
  for (const { wishId, rating } of ratings) expect(totals[wishId]).toEqual({ total: rating, applications: 1 });
  expect(await tally.models.Tally.countDocuments({ _id: { $in: ratings.map((entry) => entry.wishId) } })).toBe(ratings.length);
  expect(await tally.eventCollections.appliedEvents.countDocuments({ eventId: { $in: ids } })).toBe(ids.length);
  expect(await tally.eventCollections.parkedEvents.countDocuments()).toBe(0);
}

async function streamMessages(): Promise<number> {
  const broker = await connectBroker(events.natsUrl, 'stream-check');
  try {
    return (await (await jetstreamManager(broker)).streams.info(events.streamName)).state.messages;
  } finally {
    await broker.close();
  }
}
