import { randomUUID } from 'node:crypto';
import { EVENT_OWNERS, type EventFacts, type EventKind } from './catalogue.ts';

/** One domain event: what happened, to which record, when, in which request, and its facts. */
export interface CivicEvent<K extends EventKind = EventKind> {
  /** A UUID; the broker's message id, so a second publication of the same event is dropped. */
  id: string;
  kind: K;
  /** The department that published it (`EVENT_OWNERS[kind]`). */
  source: (typeof EVENT_OWNERS)[K];
  /** ISO 8601, from the publishing service's clock. */
  occurredAt: string;
  /** The request that caused it, when one did (a sweep has none). */
  requestId: string | null;
  facts: EventFacts[K];
}

/** Any one event, narrowed by `kind`. */
export type AnyCivicEvent = { [K in EventKind]: CivicEvent<K> }[EventKind];

export function newEvent<K extends EventKind>(kind: K, facts: EventFacts[K], occurredAt: Date, requestId: string | null = null): CivicEvent<K> {
  return { id: randomUUID(), kind, source: EVENT_OWNERS[kind], occurredAt: occurredAt.toISOString(), requestId, facts };
}
