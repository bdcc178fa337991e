import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type BrokerHandle } from '@civic/dev-platform';
import { uniqueEventsSettings, waitUntilApplied, waitUntilAppliedAtLeast, waitUntilPublished } from '@civic/test-harness';
import { confirmWishes, startTallyServices, tallies, TALLY_CONSUMER, type TallyServices } from './support/tally-services.ts';

// A broker of this file's own, to stop and restart without disturbing other files; NATS_URL names a broker no test may restart.
const ownBroker = !process.env.NATS_URL;
let broker: BrokerHandle;
let services: TallyServices;

beforeAll(async () => {
  if (!ownBroker) return;
  broker = await startBroker({ ephemeral: true });
  services = await startTallyServices(uniqueEventsSettings(broker.url));
});
afterAll(async () => {
  await services?.stop();
  await broker?.stop();
});

describe.runIf(ownBroker)('the backbone through faults', () => {
  it('commits writes while the broker is down, and delivers every event once when it is back', async () => {
    const before = await confirmWishes(services.source, [{ wishId: 'w-before-outage', rating: 1 }]);
    await waitUntilApplied(services.tally, TALLY_CONSUMER, before.map((event) => event.id));

    const ratings = Array.from({ length: 30 }, (_, index) => ({ wishId: `w-outage-${index}`, rating: (index % 5) + 1 }));
    let during: Awaited<ReturnType<typeof confirmWishes>> = [];
    await broker.restart!(async () => {
      during = await confirmWishes(services.source, ratings);
      expect(await services.source.eventCollections.outbox.countDocuments({ publishedAt: null })).toBe(30);
    });
    await waitUntilPublished(services.source);
    await waitUntilApplied(services.tally, TALLY_CONSUMER, during.map((event) => event.id));

    const totals = await tallies(services.tally);
    for (const { wishId, rating } of ratings) expect(totals[wishId]).toEqual({ total: rating, applications: 1 });
    expect(await services.tally.eventCollections.appliedEvents.countDocuments()).toBe(31);
  });

  it('applies every effect once when the consuming service stops in the middle of a burst and starts again', async () => {
    const ratings = Array.from({ length: 150 }, (_, index) => ({ wishId: `w-burst-${index}`, rating: (index % 5) + 1 }));
    const burst = await confirmWishes(services.source, ratings);
    const ids = burst.map((event) => event.id);
    // Stopped once some, not all, of the burst is applied.
    await waitUntilAppliedAtLeast(services.tally, TALLY_CONSUMER, ids, 10);
    const appliedBeforeStop = await services.tally.eventCollections.appliedEvents.countDocuments({ eventId: { $in: ids } });
    await services.tally.stop();
    const tally = await services.restartTally();
    // An event delivered to the stopped consumer and not acknowledged comes back after the 30 s ack wait.
    await waitUntilApplied(tally, TALLY_CONSUMER, ids, { timeoutMs: 75_000 });

    expect(appliedBeforeStop).toBeLessThan(ids.length);
    const totals = await tallies(tally);
    for (const { wishId, rating } of ratings) expect(totals[wishId]).toEqual({ total: rating, applications: 1 });
    expect(await tally.eventCollections.appliedEvents.countDocuments({ eventId: { $in: ids } })).toBe(150);
  }, 120_000);
});
