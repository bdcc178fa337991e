import { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { DisbursementDocument } from '../models/disbursement.ts';
import type { LedgerEntryDocument } from '../models/ledger-entry.ts';
import type { ResourceDocument } from '../models/resource.ts';

const RETURN_UPDATED = { returnDocument: 'after' } as const;

/** Adds money to a fund and records it. */
export async function deposit(models: Models, fundId: Types.ObjectId, amountFen: number, note: string, by: string, now: Date): Promise<LedgerEntryDocument | null> {
  const fund = await models.Resource.findOneAndUpdate({ _id: fundId, kind: 'FUND' }, { $inc: { balanceFen: amountFen } }, RETURN_UPDATED).lean<ResourceDocument>();
  if (!fund) return null;
  const entry: LedgerEntryDocument = {
    _id: new Types.ObjectId(),
    fundId,
    kind: 'DEPOSIT',
    amountFen,
    balanceAfterFen: fund.balanceFen!,
    note,
    recordedAt: now,
    recordedBy: by,
  };
  await models.LedgerEntry.create(entry);
  return entry;
}

export type ApprovalOutcome = { approved: DisbursementDocument } | { refused: 'NOT_PROPOSED' | 'INSUFFICIENT_BALANCE' };

/**
 * Pays a proposed disbursement, race-free without transactions:
 * 1. the proposal moves PROPOSED → APPROVING in one conditional update: one approver wins;
 * 2. the fund pays with `$inc` conditional on `balanceFen >= amount`: concurrent approvals
 *    never overdraw it; when it cannot pay, the proposal goes back to PROPOSED;
 * 3. the ledger entry takes the disbursement's id, so it exists once; then APPROVED.
 * A crash between 2 and 3 leaves an APPROVING disbursement whose missing entry tells what to redo.
 */
export async function approve(models: Models, disbursement: DisbursementDocument, approver: string, now: Date): Promise<ApprovalOutcome> {
  const claimed = await models.Disbursement.findOneAndUpdate(
    { _id: disbursement._id, state: 'PROPOSED' },
    { $set: { state: 'APPROVING', decidedBy: approver } },
    RETURN_UPDATED,
  ).lean<DisbursementDocument>();
  if (!claimed) return { refused: 'NOT_PROPOSED' };

  const fund = await models.Resource.findOneAndUpdate(
    { _id: claimed.fundId, balanceFen: { $gte: claimed.amountFen } },
    { $inc: { balanceFen: -claimed.amountFen } },
    RETURN_UPDATED,
  ).lean<ResourceDocument>();
  if (!fund) {
    await models.Disbursement.updateOne({ _id: claimed._id, state: 'APPROVING' }, { $set: { state: 'PROPOSED', decidedBy: null } });
    return { refused: 'INSUFFICIENT_BALANCE' };
  }

  await models.LedgerEntry.create({
    _id: claimed._id,
    fundId: claimed.fundId,
    kind: 'DISBURSEMENT',
    amountFen: -claimed.amountFen,
    balanceAfterFen: fund.balanceFen!,
    note: claimed.reason,
    recordedAt: now,
    recordedBy: approver,
  } satisfies LedgerEntryDocument);
  const approved = await models.Disbursement.findOneAndUpdate(
    { _id: claimed._id, state: 'APPROVING' },
    { $set: { state: 'APPROVED', decidedAt: now } },
    RETURN_UPDATED,
  ).lean<DisbursementDocument>();
  return { approved: approved! };
}
