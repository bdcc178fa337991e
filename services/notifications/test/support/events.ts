import { Types } from 'mongoose';
import { newEvent, type AnyCivicEvent, type EventFacts, type EventKind } from '@civic/events';
import { createLogger, inTransaction, type Clock, type GraphClient } from '@civic/service-kit';
import { inboxConsumer } from '../../src/consumers/inbox-consumer.ts';
import type { Models } from '../../src/models/index.ts';

/** An event as its department would publish it, happening at `at`. */
export function anEvent<K extends EventKind>(kind: K, facts: EventFacts[K], at = new Date()): AnyCivicEvent {
  return newEvent(kind, facts, at) as AnyCivicEvent;
}

export const anId = () => new Types.ObjectId().toHexString();

/** Applies events through the inbox consumer, each in its own transaction, as the runner does. */
export function inboxApplier(models: Models, clock: Clock, graph: GraphClient) {
  const services = { models, clock, graph, logger: createLogger('notifications', 'silent') };
  return (event: AnyCivicEvent) => inTransaction(models.Notification.db, (session) => inboxConsumer.apply(event, services, session));
}
