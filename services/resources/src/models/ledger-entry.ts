import { Schema, type Connection, type Types } from 'mongoose';
import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/**
 * One movement of a fund's balance, numbered, written in the transaction that moves the balance
 * (persistence/fund-movements.ts). A disbursement's entry has the disbursement's id: it is paid
 * once at most.
 */
export interface LedgerEntryDocument {
  _id: Types.ObjectId;
  fundId: Types.ObjectId;
  /** 1, 2, 3… per fund, without gaps. */
  sequence: number;
  kind: LedgerEntryKind;
  /** Signed: positive in, negative out. */
  amountFen: number;
  balanceAfterFen: number;
  note: string;
  recordedAt: Date;
  recordedBy: string;
}

export const LEDGER_ENTRY_FIELDS = { fundId: 1, sequence: 1, kind: 1, amountFen: 1, balanceAfterFen: 1, note: 1, recordedAt: 1 } as const;

const ledgerEntrySchema = new Schema<LedgerEntryDocument>(
  {
    fundId: { type: Schema.Types.ObjectId, required: true },
    sequence: { type: Number, required: true },
    kind: { type: String, enum: LEDGER_ENTRY_KINDS, required: true },
    amountFen: { type: Number, required: true },
    balanceAfterFen: { type: Number, required: true },
    note: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  collectionOptions('fund_ledger_entries'),
);

// One entry per number in a fund's ledger; also serves Fund.ledger, newest (highest sequence) first.
ledgerEntrySchema.index({ fundId: 1, sequence: 1 }, { unique: true });

export function ledgerEntryModel(connection: Connection) {
  return connection.model<LedgerEntryDocument>('LedgerEntry', ledgerEntrySchema);
}
