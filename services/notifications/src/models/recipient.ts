import { Schema, type Types } from 'mongoose';
import { RECIPIENT_TYPES, type RecipientType } from '../domain/vocabulary.ts';

/** Whose inbox or preferences a document is: a resident, or an organisation (its staff read it). */
export interface RecipientDocument {
  type: RecipientType;
  id: Types.ObjectId;
}

export const recipientSchema = new Schema<RecipientDocument>(
  {
    type: { type: String, enum: RECIPIENT_TYPES, required: true },
    id: { type: Schema.Types.ObjectId, required: true },
  },
  { _id: false },
);
