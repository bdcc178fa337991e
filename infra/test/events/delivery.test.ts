import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectBroker, newEvent, replayFromStream, subscribeToEvents, type AnyCivicEvent } from '@civic/events';
import { inTransaction, serviceEventStore } from '@civic/service-kit';
import { uniqueEventsSettings, waitUntilApplied, waitUntilPublished } from '@civic/test-harness';
import { confirmationEvent, confirmWishes, connectionOf, startTallyServices, tallies, TALLY_CONSUMER, tallyConsumer, type TallyServices } from './support/tally-services.ts';
import { outboxModel, recordEvents } from '@civic/events';
import '@civic/dev-platform/provided-context';

const events = uniqueEventsSettings(inject('natsUrl'));
let services: TallyServices;

beforeAll(async () => {
  services = await startTallyServices(events);
});
afterAll(async () => {
  await services.stop();
});

describe('an event committed with its change', () => {
  it('reaches the consumer exactly once, and marks its outbox entry with its stream sequence', async () => {
    const ratings = Array.from({ length: 20 }, (_, index) => ({ wishId: `w-once-${index}`, rating: (index % 5) + 1 }));
    const committed = await confirmWishes(services.source, ratings);
    await waitUntilApplied(services.tally, TALLY_CONSUMER, committed.map((event) => event.id));

    const totals = await tallies(services.tally);
    for (const { wishId, rating } of ratings) expect(totals[wishId]).toEqual({ total: rating, applications: 1 });
    const outbox = await services.source.eventCollections.outbox.find({ _id: { $in: committed.map((event) => event.id) } }).lean();
    expect(outbox.every((entry) => entry.publishedAt instanceof Date)).toBe(true);
    expect(new Set(outbox.map((entry) => entry.streamSequence)).size).toBe(20);
    const sourceMetrics = await metricsOf(services.source.port);
    expect(sourceMetrics).toContain('civic_events_published_total{kind="wish.confirmed",service="source"} 20');
    expect(sourceMetrics).toContain('civic_events_outbox_backlog{service="source"} 0');
    const tallyMetrics = await metricsOf(services.tally.port);
    expect(tallyMetrics).toContain('civic_events_applied_total{consumer="tally-ratings",kind="wish.confirmed",service="tally"} 20');
    expect(tallyMetrics).toContain('civic_event_lag_seconds_count{service="tally",consumer="tally-ratings"} 20');
  });

  it('is not published when its transaction is rejected', async () => {
    const rejected = confirmationEvent('w-rejected', 5);
    await expect(
      inTransaction(connectionOf(services.source), async (session) => {
        await services.source.models.Confirmation.create([{ _id: 'w-rejected', rating: 5 }], { session });
        await recordEvents(outboxModel(connectionOf(services.source)), session, [rejected]);
        throw new Error('refused after writing');
      }),
    ).rejects.toThrow('refused after writing');
    const [after] = await confirmWishes(services.source, [{ wishId: 'w-after-rejected', rating: 2 }]);
    await waitUntilApplied(services.tally, TALLY_CONSUMER, [after!.id]);

    expect(await services.source.eventCollections.outbox.exists({ _id: rejected.id })).toBeNull();
    expect(await services.source.models.Confirmation.exists({ _id: 'w-rejected' })).toBeNull();
    expect(await streamHolds(rejected.id)).toBe(false);
    expect(await services.tally.eventCollections.appliedEvents.exists({ eventId: rejected.id })).toBeNull();
    expect((await tallies(services.tally))['w-rejected']).toBeUndefined();
  });

  it('published again (a second publisher replica) is dropped by the stream', async () => {
    const [event] = await confirmWishes(services.source, [{ wishId: 'w-republished', rating: 4 }]);
    await waitUntilApplied(services.tally, TALLY_CONSUMER, [event!.id]);
    const before = await streamMessages();
    // What a second replica does when it read the same entry before the first marked it published.
    await services.source.eventCollections.outbox.updateOne({ _id: event!.id }, { $set: { publishedAt: null, streamSequence: null } });
    await waitUntilPublished(services.source);

    expect(await streamMessages()).toBe(before);
    expect((await tallies(services.tally))['w-republished']).toEqual({ total: 4, applications: 1 });
  });
});

describe('live events', () => {
  it('are heard from the moment of subscribing, of the kinds asked for only, in order', async () => {
    const [earlier] = await confirmWishes(services.source, [{ wishId: 'w-before-listening', rating: 1 }]);
    await waitUntilPublished(services.source);
    const heard: AnyCivicEvent[] = [];
    const live = await subscribeToEvents(events, ['wish.confirmed'], (event) => {
      heard.push(event);
    });
    try {
      const claimed = newEvent('wish.claimed', { wishId: 'w-live-1', requesterId: 'r-asker', claimant: { type: 'Resident', id: 'r-helper' }, communityId: 'c-1' }, new Date());
      await inTransaction(connectionOf(services.source), (session) => recordEvents(outboxModel(connectionOf(services.source)), session, [claimed]));
      const confirmed = await confirmWishes(services.source, [
        { wishId: 'w-live-1', rating: 5 },
        { wishId: 'w-live-2', rating: 3 },
      ]);
      await waitUntil(() => heard.length >= 2);

      expect(heard).toEqual(confirmed);
      expect(heard.map((event) => event.id)).not.toContain(earlier!.id);
    } finally {
      await live.stop();
    }
  });
});

describe('replaying the whole stream', () => {
  it('changes nothing already applied', async () => {
    const confirmed = await services.source.eventCollections.outbox.find({ 'event.kind': 'wish.confirmed' }, { _id: 1 }).lean();
    await waitUntilApplied(services.tally, TALLY_CONSUMER, confirmed.map((entry) => entry._id));
    const applied = await services.tally.eventCollections.appliedEvents.countDocuments();
    expect(applied).toBe(confirmed.length);
    const before = await tallies(services.tally);
    const broker = await connectBroker(events.natsUrl, 'replay-test');
    try {
      const report = await replayFromStream(
        { consumer: tallyConsumer, services: { models: services.tally.models } as never, store: serviceEventStore(connectionOf(services.tally)), now: () => new Date() },
        broker,
        events,
        { sequence: 1 },
      );
      expect(report).toEqual({ applied: [], alreadyApplied: expect.any(Array), failed: [] });
      expect(report.alreadyApplied).toHaveLength(applied);
    } finally {
      await broker.close();
    }
    expect(await tallies(services.tally)).toEqual(before);
    expect(await services.tally.eventCollections.appliedEvents.countDocuments()).toBe(applied);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Gave up waiting for live events');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function metricsOf(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

async function streamMessages(): Promise<number> {
  const broker = await connectBroker(events.natsUrl, 'stream-check');
  try {
    return (await (await jetstreamManager(broker)).streams.info(events.streamName)).state.messages;
  } finally {
    await broker.close();
  }
}

/** Whether any message in the stream carries this event id as its message id. */
async function streamHolds(eventId: string): Promise<boolean> {
  const broker = await connectBroker(events.natsUrl, 'stream-check');
  try {
    const manager = await jetstreamManager(broker);
    const { state } = await manager.streams.info(events.streamName);
    for (let sequence = state.first_seq; sequence <= state.last_seq; sequence += 1) {
      const message = await manager.streams.getMessage(events.streamName, { seq: sequence });
      if (message?.header.get('Nats-Msg-Id') === eventId) return true;
    }
    return false;
  } finally {
    await broker.close();
  }
}
