import type { CivicEvent, OutboxModel } from '@civic/events';
import type { Stack } from './stack.ts';

/** An event as a test compares it: everything but its random id. */
export type RecordedEvent = Omit<CivicEvent, 'id'>;

/**
 * Reads what one subgraph of a stack wrote to its outbox (`models.Outbox`), a step at a time:
 * each `newEvents()` gives the events recorded since the previous call.
 */
export class OutboxReader {
  private readonly seen = new Set<string>();

  constructor(
    private readonly stack: Stack,
    private readonly subgraph: string,
  ) {}

  /** The events recorded since the last call, oldest first; those of one transaction by kind. */
  async newEvents(): Promise<RecordedEvent[]> {
    const outbox = (this.stack.subgraph(this.subgraph).models as unknown as { Outbox: OutboxModel }).Outbox;
    const documents = await outbox.find({ _id: { $nin: [...this.seen] } }, { event: 1, recordedAt: 1 }).lean();
    documents.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.event.kind.localeCompare(b.event.kind));
    return documents.map(({ _id, event: { id: _eventId, ...event } }) => {
      this.seen.add(_id);
      return event;
    });
  }
}
