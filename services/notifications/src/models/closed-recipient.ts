import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/**
 * A resident who closed their account: their inbox and preferences are gone, and an event about
 * them that arrives later (published before the closure, or by a department that has not removed
 * them yet) puts nothing in an inbox again. Only the id is kept, which names no one any more.
 */
export interface ClosedRecipientDocument {
  /** The closed resident's id. */
  _id: Types.ObjectId;
  closedAt: Date;
}

const closedRecipientSchema = new Schema<ClosedRecipientDocument>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    closedAt: { type: Date, required: true },
  },
  collectionOptions('closed_recipients'),
);

export function closedRecipientModel(connection: Connection) {
  return connection.model<ClosedRecipientDocument>('ClosedRecipient', closedRecipientSchema);
}
