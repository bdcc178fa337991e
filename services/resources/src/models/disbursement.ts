import { Schema, type Connection, type Types } from 'mongoose';
import { DISBURSEMENT_STATES, type DisbursementState } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/** Money from a fund to a resident: proposed by one staff member, decided by another. */
export interface DisbursementDocument {
  _id: Types.ObjectId;
  fundId: Types.ObjectId;
  /** The fund's served path, copied: who may read and decide. */
  servedPath: Types.ObjectId[];
  /** Null once the recipient closed their account (`anonymisedAt`): the payment stays in the fund's accounts. */
  recipientId: Types.ObjectId | null;
  amountFen: number;
  reason: string;
  state: DisbursementState;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  anonymisedAt?: Date;
}

export const DISBURSEMENT_FIELDS = {
  fundId: 1,
  servedPath: 1,
  recipientId: 1,
  amountFen: 1,
  reason: 1,
  state: 1,
  proposedBy: 1,
  proposedAt: 1,
  decidedBy: 1,
  decidedAt: 1,
  rejectionReason: 1,
  anonymisedAt: 1,
} as const;

const disbursementSchema = new Schema<DisbursementDocument>(
  {
    fundId: { type: Schema.Types.ObjectId, required: true },
    servedPath: { type: [Schema.Types.ObjectId], required: true },
    recipientId: { type: Schema.Types.ObjectId, default: null },
    amountFen: { type: Number, required: true },
    reason: { type: String, required: true },
    state: { type: String, enum: DISBURSEMENT_STATES, required: true },
    proposedBy: { type: String, required: true },
    proposedAt: { type: Date, required: true },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    rejectionReason: { type: String, default: null },
    anonymisedAt: { type: Date },
  },
  collectionOptions('disbursements'),
);

// Fund.disbursements, oldest first.
disbursementSchema.index({ fundId: 1, proposedAt: 1 });
// A resident's data export: the disbursements they received.
disbursementSchema.index({ recipientId: 1, proposedAt: 1 });
// The fund aggregate: a subtree's approved disbursements in a period.
disbursementSchema.index({ servedPath: 1, state: 1, decidedAt: 1 });

export function disbursementModel(connection: Connection) {
  return connection.model<DisbursementDocument>('Disbursement', disbursementSchema);
}
