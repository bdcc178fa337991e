import { newEvent, recordEvents, type AnyCivicEvent, type EventFacts, type EventKind, type OutboxModel } from '@civic/events';
import type { ClientSession } from 'mongoose';
import { currentRequestId } from './request-logger.ts';

/** What happened, before it is dated and given an id: a kind and its facts (domain rules make these). */
export type EventDraft = { [K in EventKind]: { kind: K; facts: EventFacts[K] } }[EventKind];

/** The event of a draft, at `at`, caused by the request being served (no request id outside one). */
export function requestEvent(draft: EventDraft, at: Date): AnyCivicEvent {
  // The draft's kind and facts belong together by construction; TypeScript cannot follow the pair through newEvent.
  return newEvent(draft.kind, draft.facts as never, at, currentRequestId()) as AnyCivicEvent;
}

/** Writes the drafts to the outbox as events of the request being served, inside `session`'s transaction. */
export function recordRequestEvents(outbox: OutboxModel, session: ClientSession, drafts: readonly EventDraft[], at: Date): Promise<void> {
  return recordEvents(
    outbox,
    session,
    drafts.map((draft) => requestEvent(draft, at)),
  );
}
