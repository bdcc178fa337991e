import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { loaderById, loaderByForeignKey, objectIdsOf } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { ORGANISATION_FIELDS } from './models/organisation.ts';
import { GRID_FIELDS } from './models/grid.ts';
import { PARTNERSHIP_FIELDS } from './models/partnership.ts';
import { AGREEMENT_FIELDS } from './models/agreement.ts';
import { ACTIVITY_FIELDS, type ActivityDocument } from './models/activity.ts';
import { ACTIVITY_SIGN_UP_FIELDS } from './models/activity-sign-up.ts';
import { ACTIVITY_CHECK_IN_FIELDS } from './models/activity-check-in.ts';
import { POST_FIELDS } from './models/post.ts';

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer) {
  const activity = loaderById(models.Activity, ACTIVITY_FIELDS);
  const signedUpByViewer = signedUpByViewerLoader(models, viewer);
  return {
    organisation: loaderById(models.Organisation, ORGANISATION_FIELDS),
    childrenOfOrganisation: loaderByForeignKey(models.Organisation, 'parentId', { sort: { _id: 1 }, projection: ORGANISATION_FIELDS }),
    grid: loaderById(models.Grid, GRID_FIELDS),
    childrenOfGrid: loaderByForeignKey(models.Grid, 'parentId', { sort: { _id: 1 }, projection: GRID_FIELDS }),
    partnership: loaderById(models.Partnership, PARTNERSHIP_FIELDS),
    partnershipsOfOrganisation: loaderByForeignKey(models.Partnership, 'sideIds', { sort: { since: -1, _id: -1 }, projection: PARTNERSHIP_FIELDS }),
    agreement: loaderById(models.Agreement, AGREEMENT_FIELDS),
    agreementsOfOrganisation: loaderByForeignKey(models.Agreement, 'partyIds', { sort: { signedOn: -1, _id: -1 }, projection: AGREEMENT_FIELDS }),
    activity,
    activitiesOfResident: activitiesOfResidentLoader(models, activity),
    signedUpByViewer,
    signUpsOfActivity: loaderByForeignKey(models.ActivitySignUp, 'activityId', { sort: { signedUpAt: 1, _id: 1 }, projection: ACTIVITY_SIGN_UP_FIELDS }),
    checkInsOfActivity: loaderByForeignKey(models.ActivityCheckIn, 'activityId', { sort: { checkedInAt: 1, _id: 1 }, projection: ACTIVITY_CHECK_IN_FIELDS }),
    serviceHoursOfResident: serviceHoursLoader(models),
    post: loaderById(models.Post, POST_FIELDS),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Each resident's activities, newest first: one query on sign-ups, one (batched) on activities. */
function activitiesOfResidentLoader(models: Models, activity: DataLoader<string, ActivityDocument | null>) {
  return new DataLoader<string, ActivityDocument[]>(async (residentIds) => {
    const signUps = await models.ActivitySignUp.find({ residentId: { $in: objectIdsOf(residentIds) } }, { residentId: 1, activityId: 1 }).lean();
    const activities = await activity.loadMany([...new Set(signUps.map((signUp) => signUp.activityId.toHexString()))]);
    const byId = new Map<string, ActivityDocument>();
    for (const loaded of activities) {
      if (loaded instanceof Error) throw loaded;
      if (loaded) byId.set(loaded._id.toHexString(), loaded);
    }
    const byResident = new Map<string, ActivityDocument[]>(residentIds.map((id) => [id, []]));
    for (const signUp of signUps) {
      const found = byId.get(signUp.activityId.toHexString());
      if (found) byResident.get(signUp.residentId.toHexString())?.push(found);
    }
    const newestFirst = (a: ActivityDocument, b: ActivityDocument) => b.startsAt.getTime() - a.startsAt.getTime();
    return residentIds.map((id) => (byResident.get(id) ?? []).sort(newestFirst));
  });
}

/** Whether the calling resident signed up for each activity. */
function signedUpByViewerLoader(models: Models, viewer: Viewer) {
  return new DataLoader<string, boolean>(async (activityIds) => {
    const [residentId] = objectIdsOf(viewer.residentId ? [viewer.residentId] : []);
    if (!residentId) return activityIds.map(() => false);
    const signUps = await models.ActivitySignUp.find({ activityId: { $in: objectIdsOf(activityIds) }, residentId }, { activityId: 1 }).lean();
    const signedUp = new Set(signUps.map((signUp) => signUp.activityId.toHexString()));
    return activityIds.map((id) => signedUp.has(id));
  });
}

/** Each resident's checked-in hours, summed by the database. */
function serviceHoursLoader(models: Models) {
  return new DataLoader<string, number>(async (residentIds) => {
    const totals = await models.ActivityCheckIn.aggregate<{ _id: Types.ObjectId; hours: number }>([
      { $match: { residentId: { $in: objectIdsOf(residentIds) } } },
      { $group: { _id: '$residentId', hours: { $sum: '$hours' } } },
    ]);
    const byResident = new Map(totals.map((total) => [total._id.toHexString(), Math.round(total.hours * 100) / 100]));
    return residentIds.map((id) => byResident.get(id) ?? 0);
  });
}
