import { batchedWriter, readsByResident, signedInSubject, type RequestFacts, type UnmaskedRead } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import { Types } from 'mongoose';
import type { Models, PersonalDataReadDocument } from '../models/index.ts';

export type ResidentRead = UnmaskedRead<Types.ObjectId[]>;

/**
 * The request's writer to the access log: the unmasked reads its resolvers hand in within one tick
 * become one insertMany (an entry per resident), and each resolver's promise settles once that is
 * stored, so no answer leaves before its entry.
 */
export function accessLogWriter(models: Models, viewer: Viewer, request: RequestFacts): (read: ResidentRead) => Promise<void> {
  return batchedWriter<ResidentRead>(async (reads) => {
    const entries: Omit<PersonalDataReadDocument, '_id'>[] = readsByResident(reads).map((read) => ({
      residentId: new Types.ObjectId(read.residentId),
      residentOrganisationPath: read.organisationPath,
      fields: read.fields,
      readerSubject: signedInSubject(viewer),
      readerRoles: [...viewer.roles],
      readerScope: [...viewer.scope],
      department: 'residents',
      requestId: request.id,
      purpose: request.purpose,
      at: read.at,
      eventId: null,
    }));
    await models.PersonalDataRead.insertMany(entries);
  });
}
