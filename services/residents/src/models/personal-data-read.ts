import { Schema, type Connection, type Types } from 'mongoose';
import { PERSONAL_DATA_FIELDS, type PersonalDataField } from '@civic/events';

/** Where a logged read was answered: here, or in resources (told by its `personalData.read` events). */
export const READING_DEPARTMENTS = ['residents', 'resources'] as const;
export type ReadingDepartment = (typeof READING_DEPARTMENTS)[number];

/**
 * One entry of the access log: a resident's unmasked sensitive data answered to someone else.
 * Append-only: nothing in the service updates or deletes an entry.
 */
export interface PersonalDataReadDocument {
  _id: Types.ObjectId;
  residentId: Types.ObjectId;
  /** The resident's organisationPath when the entry was written: the supervisors who may read it. */
  residentOrganisationPath: Types.ObjectId[];
  fields: PersonalDataField[];
  readerSubject: string;
  readerRoles: string[];
  readerScope: string[];
  /** The department whose answer held the data. */
  department: ReadingDepartment;
  requestId: string | null;
  /** As the reader stated it; null: not stated. */
  purpose: string | null;
  at: Date;
  /** For a read another department told of: its event, so the entry is written once. */
  eventId: string | null;
}

const personalDataReadSchema = new Schema<PersonalDataReadDocument>(
  {
    residentId: { type: Schema.Types.ObjectId, required: true },
    residentOrganisationPath: { type: [Schema.Types.ObjectId], required: true },
    fields: { type: [{ type: String, enum: PERSONAL_DATA_FIELDS }], required: true },
    readerSubject: { type: String, required: true },
    readerRoles: { type: [String], required: true },
    readerScope: { type: [String], required: true },
    department: { type: String, enum: READING_DEPARTMENTS, required: true },
    requestId: { type: String, default: null },
    purpose: { type: String, default: null },
    at: { type: Date, required: true },
    eventId: { type: String, default: null },
  },
  { collection: 'personalDataReads', versionKey: false },
);

// myDataReads and the supervisors' resident filter: one resident's entries, newest first.
personalDataReadSchema.index({ residentId: 1, at: -1, _id: -1 });
// personalDataReads: the entries under a supervisor's organisations, newest first.
personalDataReadSchema.index({ residentOrganisationPath: 1, at: -1, _id: -1 });
// personalDataReads filtered by reader.
personalDataReadSchema.index({ readerSubject: 1, at: -1, _id: -1 });
// A read told by an event is logged once, however often the event is delivered or replayed.
personalDataReadSchema.index({ eventId: 1 }, { unique: true, partialFilterExpression: { eventId: { $type: 'string' } } });

export function personalDataReadModel(connection: Connection) {
  return connection.model<PersonalDataReadDocument>('PersonalDataRead', personalDataReadSchema);
}
