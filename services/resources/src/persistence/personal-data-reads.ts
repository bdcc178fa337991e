import { recordEvents } from '@civic/events';
import type { Viewer } from '@civic/identity';
import { batchedWriter, inTransaction, readsByResident, requestEvent, signedInSubject, type RequestFacts, type UnmaskedRead } from '@civic/service-kit';
import type { Models } from '../models/index.ts';

/**
 * The request's teller of unmasked reads to the residents' access log: the reads its resolvers
 * hand in within one tick become `personalData.read` events (one per resident), committed to the
 * outbox in one transaction before any of those resolvers answers; the residents service appends
 * them to its log.
 */
export function personalDataReadTeller(models: Models, viewer: Viewer, request: RequestFacts): (read: UnmaskedRead) => Promise<void> {
  return batchedWriter<UnmaskedRead>(async (reads) => {
    const events = readsByResident(reads).map((read) =>
      requestEvent(
        {
          kind: 'personalData.read',
          facts: {
            residentId: read.residentId,
            fields: read.fields,
            readerSubject: signedInSubject(viewer),
            readerRoles: [...viewer.roles],
            readerScope: [...viewer.scope],
            purpose: request.purpose,
          },
        },
        read.at,
      ),
    );
    await inTransaction(models.Outbox.db, (session) => recordEvents(models.Outbox, session, events));
  });
}
