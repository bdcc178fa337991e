import type { QueryFilter } from 'mongoose';
import type { Models } from '../models/index.ts';
import { DISBURSEMENT_FIELDS, type DisbursementDocument } from '../models/disbursement.ts';
import { recordMovement, type MovementOutcome } from './fund-movements.ts';
import { returnUpdated } from '@civic/service-kit';


export type ApprovalOutcome = { approved: DisbursementDocument } | { refused: 'NOT_PROPOSED' | Extract<MovementOutcome, { refused: unknown }>['refused'] };

/**
 * Pays a disbursement without transactions:
 * 1. claim it in one conditional update, so one approver wins: PROPOSED → APPROVING, or, to
 *    resume an approval whose process died, APPROVING since then → APPROVING since now;
 * 2. pay it as a fund movement whose ledger entry has the disbursement's id: paid at most once,
 *    however often it is resumed, and a resumed approval finds a payment already made;
 * 3. APPROVED. When the fund cannot pay, the claim goes back to PROPOSED.
 * A crash after 1 leaves APPROVING (shown as PROPOSED), which the next approve call resumes once
 * the lease has passed.
 */
export async function approve(models: Models, disbursement: DisbursementDocument, start: 'CLAIM' | 'RESUME', approver: string, now: Date): Promise<ApprovalOutcome> {
  const claimable: QueryFilter<DisbursementDocument> =
    start === 'CLAIM' ? { _id: disbursement._id, state: 'PROPOSED' } : { _id: disbursement._id, state: 'APPROVING', approvingSince: disbursement.approvingSince };
  const claimed = await models.Disbursement.findOneAndUpdate(
    claimable,
    { $set: { state: 'APPROVING', approvingSince: now, decidedBy: approver } },
    returnUpdated(DISBURSEMENT_FIELDS),
  ).lean<DisbursementDocument>();
  if (!claimed) return { refused: 'NOT_PROPOSED' };

  const payment = await recordMovement(
    models,
    claimed.fundId,
    { _id: claimed._id, kind: 'DISBURSEMENT', amountFen: -claimed.amountFen, note: claimed.reason, recordedBy: approver },
    now,
  );
  if ('refused' in payment) {
    await models.Disbursement.updateOne({ _id: claimed._id, state: 'APPROVING', approvingSince: now }, { $set: { state: 'PROPOSED', approvingSince: null, decidedBy: null } });
    return { refused: payment.refused };
  }
  // The ledger is the truth: once paid, the disbursement is approved, even if an approval that
  // took this one over for dead had meanwhile put it back to PROPOSED.
  const approved = await models.Disbursement.findOneAndUpdate(
    { _id: claimed._id, state: { $in: ['APPROVING', 'PROPOSED'] } },
    { $set: { state: 'APPROVED', approvingSince: null, decidedAt: now } },
    returnUpdated(DISBURSEMENT_FIELDS),
  ).lean<DisbursementDocument>();
  // Null only when a resumed approval finished it first.
  return { approved: approved ?? (await models.Disbursement.findById(claimed._id).lean<DisbursementDocument>())! };
}
