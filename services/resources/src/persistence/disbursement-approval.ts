import { recordRequestEvents, returnUpdated } from '@civic/service-kit';
import type { ClientSession } from 'mongoose';
import type { Models } from '../models/index.ts';
import { DISBURSEMENT_FIELDS, type DisbursementDocument } from '../models/disbursement.ts';
import { recordMovement } from './fund-movements.ts';

/**
 * Approves a proposal and pays it, within the caller's transaction: PROPOSED → APPROVED by one
 * conditional update (of approvals at once, one wins), then the payment, a fund movement whose
 * ledger entry has the disbursement's id. When the fund cannot pay, the movement's CONFLICT aborts
 * the transaction and the proposal stays as it was; disbursement.approved goes to the outbox with
 * the payment. Null when it was decided meanwhile.
 */
export async function approveAndPay(models: Models, disbursement: DisbursementDocument, approver: string, now: Date, session: ClientSession): Promise<DisbursementDocument | null> {
  const approved = await models.Disbursement.findOneAndUpdate(
    { _id: disbursement._id, state: 'PROPOSED' },
    { $set: { state: 'APPROVED', decidedBy: approver, decidedAt: now } },
    { ...returnUpdated(DISBURSEMENT_FIELDS), session },
  ).lean<DisbursementDocument>();
  if (!approved) return null;
  await recordMovement(models, approved.fundId, { _id: approved._id, kind: 'DISBURSEMENT', amountFen: -approved.amountFen, note: approved.reason, recordedBy: approver }, now, session);
  // A proposal keeps its recipient while PROPOSED: closing the account rejects it (persistence/resident-closure.ts).
  const facts = { disbursementId: approved._id.toHexString(), fundId: approved.fundId.toHexString(), recipientId: approved.recipientId!.toHexString(), amountFen: approved.amountFen };
  await recordRequestEvents(models.Outbox, session, [{ kind: 'disbursement.approved', facts }], now);
  return approved;
}
