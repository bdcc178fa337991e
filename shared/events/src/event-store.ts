import type { ClientSession, Connection } from 'mongoose';

/** What the event machinery needs of a service's own database, given by the service kit. */
export interface ServiceEventStore {
  connection: Connection;
  /** The kit's `inTransaction`: runs `work` as one transaction, again after a write conflict. */
  transaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T>;
  /** Whether an error means the database could not be reached (wait for it; the event is not at fault). */
  isDatabaseUnavailable(error: unknown): boolean;
}
