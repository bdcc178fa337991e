import { Schema, type Connection, type Types } from 'mongoose';
import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/**
 * One movement of a fund's balance, numbered: the entry is written first, at the fund's next
 * sequence, and counts only once the fund has applied it (`sequence <= fund.ledgerSequence`).
 * A disbursement's entry has the disbursement's id, so it is written and paid at most once
 * however an approval is retried.
 */
export interface LedgerEntryDocument {
  _id: Types.ObjectId;
  fundId: Types.ObjectId;
  /** 1, 2, 3… per fund, without gaps among applied entries. */
  sequence: number;
  /** The fund's ledgerEpoch when the entry was written: it applies under that epoch only. */
  epoch: number;
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
    epoch: { type: Number, required: true },
    kind: { type: String, enum: LEDGER_ENTRY_KINDS, required: true },
    amountFen: { type: Number, required: true },
    balanceAfterFen: { type: Number, required: true },
    note: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  collectionOptions('fund_ledger_entries'),
);

// One entry per place in a fund's ledger: two movements never both take the next place.
// Also serves Fund.ledger, newest (highest sequence) first.
ledgerEntrySchema.index({ fundId: 1, sequence: 1 }, { unique: true });

export function ledgerEntryModel(connection: Connection) {
  return connection.model<LedgerEntryDocument>('LedgerEntry', ledgerEntrySchema);
}
