import type { ClientSession } from 'mongoose';
import type { EventKind } from './catalogue.ts';
import type { AnyCivicEvent } from './event.ts';

/**
 * A service's reaction to events of some kinds, applied once per event: the runner writes the
 * event id to the consumer's applied-events collection (unique index) in the same transaction as
 * `apply`'s writes, so a redelivered or replayed event finds it there and changes nothing.
 */
export interface EventConsumer<TServices> {
  /** Unique in the graph, `<service>-<purpose>` (`residents-points`): the broker's durable consumer name. */
  name: string;
  kinds: readonly EventKind[];
  /**
   * Applies one event inside `session`'s transaction; every write goes through `session`. It may
   * run again for the same event after a write conflict, so it does nothing outside the database.
   * Throw `UnapplicableEvent` for an event that can never apply (it is parked at once); any other
   * error is retried with backoff, then parked.
   */
  apply(event: AnyCivicEvent, services: TServices, session: ClientSession): Promise<void>;
}

/** An event this consumer can never apply (unknown record, impossible facts): parked at once with `reason`, not retried. */
export class UnapplicableEvent extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnapplicableEvent';
  }
}
