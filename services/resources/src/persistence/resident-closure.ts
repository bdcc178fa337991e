import { CLOSED_ACCOUNT_ACTOR, replaceWithFreshIds, subjectNamesResident } from '@civic/service-kit';
import type { ClientSession, Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import { allocateFreePlaces } from './parking-queue.ts';

/** Why a proposal to pay a closed account was rejected: nobody is left to receive it. */
export const RECIPIENT_CLOSED_REASON = '收款居民已注销';

/**
 * Removes a closed account from resources, inside the consumer's transaction (see the consumer).
 * `at` is when the account closed; `decidedBy` names the consumer on the proposals it rejects.
 */
export async function removeClosedResident(models: Models, residentId: Types.ObjectId, at: Date, decidedBy: string, session: ClientSession): Promise<void> {
  const anonymisedAt = at;
  // Bookings: the booking, its times and status stay; the booker and their note go.
  const bookings = await models.Booking.find({ bookerResidentId: residentId }, { bookedBy: 1 }, { session }).lean();
  for (const booking of bookings) {
    const bookedBy = subjectNamesResident(booking.bookedBy, residentId) ? CLOSED_ACCOUNT_ACTOR : booking.bookedBy;
    await models.Booking.updateOne({ _id: booking._id }, { $set: { bookerResidentId: null, note: null, bookedBy, anonymisedAt } }, { session });
  }
  // Parking: an open application is closed as its applicant would close it, and the queue moves.
  // Priority spendings (sagas) keep the resident id: each is the other half of an entry in the
  // residents' points ledger, which keeps its entries on the closed record, and a refund may still be owed.
  const open = await models.ParkingApplication.find({ applicantId: residentId, status: { $in: ['ALLOCATED', 'WAITING'] } }, { resourceId: 1, status: 1 }, { session }).lean();
  for (const application of open) {
    await models.ParkingApplication.updateOne({ _id: application._id }, { $set: { status: application.status === 'ALLOCATED' ? 'RELEASED' : 'WITHDRAWN', releasedAt: at } }, { session });
  }
  await replaceWithFreshIds(models.ParkingApplication, { applicantId: residentId }, 'applicantId', { anonymisedAt }, session);
  for (const resourceId of new Set(open.map((application) => application.resourceId.toHexString()))) {
    const resource = await models.Resource.findById(resourceId, null, { session }).lean();
    if (resource) await allocateFreePlaces(models, resource, at, session);
  }
  // Funds: what was paid stays in the fund's accounts without its recipient; what was only proposed is rejected.
  await models.Disbursement.updateMany(
    { recipientId: residentId, state: 'PROPOSED' },
    { $set: { state: 'REJECTED', decidedBy, decidedAt: at, rejectionReason: RECIPIENT_CLOSED_REASON } },
    { session },
  );
  await models.Disbursement.updateMany({ recipientId: residentId }, { $set: { recipientId: null, anonymisedAt } }, { session });
}
