import { mongo } from 'mongoose';
import { appliedEventModel } from './applied-events.ts';
import type { EventConsumer } from './consumer.ts';
import type { AnyCivicEvent } from './event.ts';
import type { ServiceEventStore } from './event-store.ts';

export type ApplyOutcome = 'applied' | 'alreadyApplied';

class AlreadyApplied extends Error {}

const DUPLICATE_KEY = 11000;

/**
 * Applies one event with `consumer` exactly once: the consumer's effects and the event's entry in
 * appliedEvents commit in one transaction. The entry is written first, so an event applied before
 * is found at once (a duplicate key on that entry) and nothing else runs. Delivery, parked replay
 * and stream replay all come through here.
 */
export async function applyEventOnce<TServices>(
  consumer: EventConsumer<TServices>,
  event: AnyCivicEvent,
  services: TServices,
  store: ServiceEventStore,
  now: () => Date,
): Promise<ApplyOutcome> {
  const applied = appliedEventModel(store.connection);
  try {
    await store.transaction(async (session) => {
      try {
        await applied.create([{ consumer: consumer.name, eventId: event.id, kind: event.kind, appliedAt: now() }], { session });
      } catch (error) {
        if (error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY) throw new AlreadyApplied();
        throw error;
      }
      await consumer.apply(event, services, session);
    });
    return 'applied';
  } catch (error) {
    if (error instanceof AlreadyApplied) return 'alreadyApplied';
    throw error;
  }
}
