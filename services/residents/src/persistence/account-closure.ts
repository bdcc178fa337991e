import { inTransaction, recordRequestEvents } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { Models, ResidentDocument } from '../models/index.ts';
import { closedRecordFacts } from '../domain/account-closure.ts';
import type { AccountClosureReason } from '../domain/vocabulary.ts';
import { residentClosed } from '../errors.ts';

/**
 * Closes an account in one transaction: the record anonymised (one conditional update on an open
 * record, so of two closures at once one wins and the other is INVALID_TRANSITION), its 1310
 * pairings and correction requests removed, and `resident.closed` written to the outbox, from which every other department
 * removes the person from its own records. The points ledger stays as it is: its entries name
 * the record, which no longer names anyone, marked so that the stars of service no longer rank it.
 *
 * The phone and ID number are cleared here, beside how they are stored, so that the closed record
 * holds neither in any form; the sparse ID number index then skips it.
 */
export async function closeAccount(models: Models, residentId: Types.ObjectId, reason: AccountClosureReason, now: Date): Promise<ResidentDocument> {
  const { set, unset } = closedRecordFacts(reason, now);
  const cleared = Object.fromEntries([...unset, 'idNumber'].map((field) => [field, 1 as const]));
  return inTransaction(models.Resident.db, async (session) => {
    const closed = await models.Resident.findOneAndUpdate(
      { _id: residentId, status: { $ne: 'CLOSED' } },
      { $set: { ...set, phone: null }, $unset: cleared },
      { returnDocument: 'after', session },
    ).lean<ResidentDocument>();
    if (!closed) throw residentClosed('CLOSE');
    await models.MemberPairing.deleteMany({ $or: [{ memberId: residentId }, { coreMemberId: residentId }] }, { session });
    await models.HouseholdPairing.deleteMany({ memberId: residentId }, { session });
    await models.PointsEntry.updateMany({ residentId }, { $set: { accountClosed: true } }, { session });
    // A correction request holds the value the person proposed: it goes with the person, open or decided.
    await models.DataCorrectionRequest.deleteMany({ residentId }, { session });
    await recordRequestEvents(models.Outbox, session, [{ kind: 'resident.closed', facts: { residentId: residentId.toHexString() } }], now);
    return closed;
  });
}
