import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';

/**
 * The organisations department's part of a resident's data export: their activity sign-ups and
 * check-ins (the hours they served, not who recorded them), the grids they are responsible for,
 * and the household visits they recorded, by id and times only (the household is another's).
 */
export async function organisationsPartOf(models: Models, residentId: Types.ObjectId): Promise<Record<string, unknown>> {
  const [signUps, checkIns, grids, visits] = await Promise.all([
    models.ActivitySignUp.find({ residentId }).sort({ signedUpAt: 1 }).lean(),
    models.ActivityCheckIn.find({ residentId }).sort({ checkedInAt: 1 }).lean(),
    models.Grid.find({ responsiblePersonId: residentId }, { name: 1, level: 1, communityId: 1 }).sort({ _id: 1 }).lean(),
    models.HouseholdVisit.find({ recordedById: residentId }, { mobilisationId: 1, at: 1, recordedAt: 1 }).sort({ _id: 1 }).lean(),
  ]);
  return {
    activitySignUps: signUps.map((signUp) => ({ id: signUp._id.toHexString(), activityId: signUp.activityId.toHexString(), signedUpAt: signUp.signedUpAt })),
    activityCheckIns: checkIns.map((checkIn) => ({ id: checkIn._id.toHexString(), activityId: checkIn.activityId.toHexString(), hours: checkIn.hours, checkedInAt: checkIn.checkedInAt })),
    gridsResponsibleFor: grids.map((grid) => ({ id: grid._id.toHexString(), name: grid.name, level: grid.level, communityId: grid.communityId.toHexString() })),
    householdVisitsRecorded: visits.map((visit) => ({ id: visit._id.toHexString(), mobilisationId: visit.mobilisationId.toHexString(), at: visit.at, recordedAt: visit.recordedAt })),
  };
}
