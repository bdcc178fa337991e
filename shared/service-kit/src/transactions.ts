import type { ClientSession, Connection } from 'mongoose';

/**
 * Runs `work` as one MongoDB transaction on the service's own connection: its writes, on any
 * number of documents, commit together or not at all, and an error thrown by `work` aborts them.
 * Reads are from one snapshot, and a document another transaction changed since is a write
 * conflict, on which the driver runs `work` again from the start; so `work` reads what it decides
 * on through `session`, and does nothing outside the database that must not happen twice.
 */
export function inTransaction<T>(connection: Connection, work: (session: ClientSession) => Promise<T>): Promise<T> {
  return connection.transaction(work, { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
}
