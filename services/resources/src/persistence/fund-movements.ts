import type { ClientSession, Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { LedgerEntryDocument } from '../models/ledger-entry.ts';
import { fundCannotPay } from '../errors.ts';

export interface MovementDraft {
  /** A disbursement's id for its payment; a new id for a deposit. */
  _id: Types.ObjectId;
  kind: LedgerEntryDocument['kind'];
  /** Signed: positive in, negative out. */
  amountFen: number;
  note: string;
  recordedBy: string;
}

/**
 * Moves a fund's money with its ledger entry, within the caller's transaction: the balance and
 * the fund's ledger sequence change in one update conditional on the balance covering a payment
 * (never below zero), and the entry is written at that sequence with the balance after it. Both
 * commit together with the rest of the transaction or not at all; two movements of one fund at
 * once conflict on the fund, and the driver runs the loser again on the winner's balance. A
 * payment the balance cannot cover is CONFLICT, which aborts the transaction it is part of.
 */
export async function recordMovement(models: Models, fundId: Types.ObjectId, draft: MovementDraft, now: Date, session: ClientSession): Promise<LedgerEntryDocument> {
  const fund = await models.Resource.findOneAndUpdate(
    { _id: fundId, kind: 'FUND', balanceFen: { $gte: Math.max(0, -draft.amountFen) } },
    { $inc: { balanceFen: draft.amountFen, ledgerSequence: 1 } },
    { returnDocument: 'after', projection: { balanceFen: 1, ledgerSequence: 1 }, session },
  ).lean<{ balanceFen: number; ledgerSequence: number }>();
  if (!fund) throw fundCannotPay();
  const entry: LedgerEntryDocument = { ...draft, fundId, sequence: fund.ledgerSequence, balanceAfterFen: fund.balanceFen, recordedAt: now };
  await models.LedgerEntry.create([entry], { session });
  return entry;
}
