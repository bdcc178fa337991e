import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { replayParkedEvents } from '@civic/events';
import { serviceEventStore } from '@civic/service-kit';
import { uniqueEventsSettings, waitUntilApplied, waitUntilParked } from '@civic/test-harness';
import { applyCalls, confirmWishes, connectionOf, QUICK_RETRY, startTallyServices, tallies, TALLY_CONSUMER, tallyConsumer, type TallyServices } from './support/tally-services.ts';
import '@civic/dev-platform/provided-context';

let services: TallyServices;

beforeAll(async () => {
  services = await startTallyServices(uniqueEventsSettings(inject('natsUrl')));
});
afterAll(async () => {
  await services.stop();
});

const replayTarget = () => ({
  consumer: tallyConsumer,
  services: { models: services.tally.models } as never,
  store: serviceEventStore(connectionOf(services.tally)),
  now: () => new Date(),
});

describe('an event the consumer fails to apply', () => {
  it('is retried, parked with its reason after the last delivery, and applied once by a replay after the cause is fixed', async () => {
    await services.tally.models.Refusal.create({ _id: 'w-closed' });
    const [failing, next] = await confirmWishes(services.source, [
      { wishId: 'w-closed', rating: 3 },
      { wishId: 'w-open', rating: 4 },
    ]);
    await waitUntilParked(services.tally, TALLY_CONSUMER, [failing!.id]);
    // The failing event held nothing up.
    await waitUntilApplied(services.tally, TALLY_CONSUMER, [next!.id]);

    const parked = await services.tally.eventCollections.parkedEvents.findOne({ eventId: failing!.id }).lean();
    expect(parked).toMatchObject({ consumer: TALLY_CONSUMER, reason: 'the tally of w-closed is closed', attempts: QUICK_RETRY.maxDeliveries, event: failing });
    expect(parked!.parkedAt).toBeInstanceOf(Date);
    expect(applyCalls.get('w-closed')).toBe(QUICK_RETRY.maxDeliveries);
    expect((await tallies(services.tally))['w-closed']).toBeUndefined();

    // Replayed while the cause remains: still parked, one attempt more.
    expect(await replayParkedEvents(replayTarget(), 'all')).toEqual({ applied: [], alreadyApplied: [], failed: [{ eventId: failing!.id, reason: 'the tally of w-closed is closed' }] });
    expect(await services.tally.eventCollections.parkedEvents.findOne({ eventId: failing!.id }).lean()).toMatchObject({ attempts: QUICK_RETRY.maxDeliveries + 1 });

    await services.tally.models.Refusal.deleteOne({ _id: 'w-closed' });
    expect(await replayParkedEvents(replayTarget(), { eventId: failing!.id })).toEqual({ applied: [failing!.id], alreadyApplied: [], failed: [] });
    expect(await replayParkedEvents(replayTarget(), { eventId: failing!.id })).toEqual({ applied: [], alreadyApplied: [], failed: [] });
    expect(await services.tally.eventCollections.parkedEvents.countDocuments()).toBe(0);
    expect((await tallies(services.tally))['w-closed']).toEqual({ total: 3, applications: 1 });
  });

  it('is parked at once, not retried, when it can never apply', async () => {
    const [unknown] = await confirmWishes(services.source, [{ wishId: 'unknown-wish', rating: 5 }]);
    await waitUntilParked(services.tally, TALLY_CONSUMER, [unknown!.id]);

    expect(await services.tally.eventCollections.parkedEvents.findOne({ eventId: unknown!.id }).lean()).toMatchObject({ reason: 'no wish unknown-wish', attempts: 1 });
    expect(applyCalls.get('unknown-wish')).toBe(1);
    expect(await services.tally.eventCollections.appliedEvents.exists({ eventId: unknown!.id })).toBeNull();
  });
});
