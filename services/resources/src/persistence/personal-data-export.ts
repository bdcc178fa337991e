import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';

/**
 * The resources department's part of a resident's data export: their bookings, the disbursements
 * they received (amount, reason, decision; the deciding staff by account id), their parking
 * applications and the points they spent on them, and the resources they provide.
 */
export async function resourcesPartOf(models: Models, residentId: Types.ObjectId): Promise<Record<string, unknown>> {
  const [bookings, disbursements, applications, spendings, provided] = await Promise.all([
    models.Booking.find({ bookerResidentId: residentId }).sort({ bookedAt: 1, _id: 1 }).lean(),
    models.Disbursement.find({ recipientId: residentId }).sort({ proposedAt: 1, _id: 1 }).lean(),
    models.ParkingApplication.find({ applicantId: residentId }).sort({ appliedAt: 1, _id: 1 }).lean(),
    models.ParkingPrioritySaga.find({ applicantId: residentId }).sort({ startedAt: 1, _id: 1 }).lean(),
    models.Resource.find({ providerResidentId: residentId }).sort({ _id: 1 }).lean(),
  ]);
  const hex = (id: Types.ObjectId | null) => id?.toHexString() ?? null;
  return {
    bookings: bookings.map((booking) => ({
      id: booking._id.toHexString(),
      resourceId: booking.resourceId.toHexString(),
      resourceKind: booking.resourceKind,
      wishId: hex(booking.wishId),
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      quantity: booking.quantity,
      note: booking.note,
      status: booking.status,
      bookedAt: booking.bookedAt,
      cancelledAt: booking.cancelledAt,
    })),
    disbursementsReceived: disbursements.map((disbursement) => ({
      id: disbursement._id.toHexString(),
      fundId: disbursement.fundId.toHexString(),
      amountFen: disbursement.amountFen,
      reason: disbursement.reason,
      state: disbursement.state,
      proposedBy: disbursement.proposedBy,
      proposedAt: disbursement.proposedAt,
      decidedBy: disbursement.decidedBy,
      decidedAt: disbursement.decidedAt,
      rejectionReason: disbursement.rejectionReason,
    })),
    parkingApplications: applications.map((application) => ({
      id: application._id.toHexString(),
      resourceId: application.resourceId.toHexString(),
      status: application.status,
      place: application.place,
      appliedAt: application.appliedAt,
      allocatedAt: application.allocatedAt,
      releasedAt: application.releasedAt,
      priorityPlaces: application.priorityPlaces,
    })),
    prioritySpendings: spendings.map((saga) => ({
      id: saga._id.toHexString(),
      applicationId: saga.applicationId.toHexString(),
      places: saga.places,
      points: saga.points,
      state: saga.state,
      failure: saga.failure,
      startedAt: saga.startedAt,
      finishedAt: saga.finishedAt,
    })),
    resourcesProvided: provided.map((resource) => ({
      id: resource._id.toHexString(),
      pool: resource.pool,
      kind: resource.kind,
      title: resource.title,
      description: resource.description,
      contact: resource.contact,
      status: resource.status,
      createdAt: resource.createdAt,
    })),
  };
}
