import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { loaderById, objectIdsOf, pageLoader, type SortOrder } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { ORGANISATION_FIELDS } from './models/organisation.ts';
import { GRID_FIELDS } from './models/grid.ts';
import { PARTNERSHIP_FIELDS } from './models/partnership.ts';
import { AGREEMENT_FIELDS } from './models/agreement.ts';
import { ACTIVITY_FIELDS } from './models/activity.ts';
import { ACTIVITY_SIGN_UP_FIELDS } from './models/activity-sign-up.ts';
import { ACTIVITY_CHECK_IN_FIELDS } from './models/activity-check-in.ts';
import { POST_FIELDS } from './models/post.ts';
import { MOBILISATION_FIELDS } from './models/mobilisation.ts';
import type { ViewerPlaces } from './domain/post-audience.ts';

export const NEWEST_PARTNERSHIP_FIRST: SortOrder = { field: 'since', direction: -1 };
export const NEWEST_AGREEMENT_FIRST: SortOrder = { field: 'signedOn', direction: -1 };
const CREATION_ORDER: SortOrder = { field: '_id', direction: 1 };
const EARLIEST_SIGN_UP_FIRST: SortOrder = { field: 'signedUpAt', direction: 1 };
const EARLIEST_CHECK_IN_FIRST: SortOrder = { field: 'checkedInAt', direction: 1 };
/** A sign-up of a resident who closed their account is no longer anyone's participation. */
const OF_A_RESIDENT = { anonymisedAt: { $exists: false } };

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer) {
  const activity = loaderById(models.Activity, ACTIVITY_FIELDS);
  const signedUpByViewer = signedUpByViewerLoader(models, viewer);
  return {
    organisation: loaderById(models.Organisation, ORGANISATION_FIELDS),
    childrenOfOrganisation: pageLoader(models.Organisation, 'parentId', {}, CREATION_ORDER, { projection: ORGANISATION_FIELDS }),
    grid: loaderById(models.Grid, GRID_FIELDS),
    childrenOfGrid: pageLoader(models.Grid, 'parentId', {}, CREATION_ORDER, { projection: GRID_FIELDS }),
    partnership: loaderById(models.Partnership, PARTNERSHIP_FIELDS),
    partnershipPages: {
      ALL: pageLoader(models.Partnership, 'sideIds', {}, NEWEST_PARTNERSHIP_FIRST),
      ACTIVE: pageLoader(models.Partnership, 'sideIds', { status: 'ACTIVE' }, NEWEST_PARTNERSHIP_FIRST),
      ENDED: pageLoader(models.Partnership, 'sideIds', { status: 'ENDED' }, NEWEST_PARTNERSHIP_FIRST),
    },
    agreement: loaderById(models.Agreement, AGREEMENT_FIELDS),
    agreementPages: pageLoader(models.Agreement, 'partyIds', {}, NEWEST_AGREEMENT_FIRST),
    activity,
    signUpPagesOfResident: pageLoader(models.ActivitySignUp, 'residentId', {}, { field: 'signedUpAt', direction: -1 }),
    signedUpByViewer,
    participantsOfActivity: pageLoader(models.ActivitySignUp, 'activityId', OF_A_RESIDENT, EARLIEST_SIGN_UP_FIRST, { projection: ACTIVITY_SIGN_UP_FIELDS }),
    checkInsOfActivity: pageLoader(models.ActivityCheckIn, 'activityId', {}, EARLIEST_CHECK_IN_FIRST, { projection: ACTIVITY_CHECK_IN_FIELDS }),
    serviceHoursOfResident: serviceHoursLoader(models),
    post: loaderById(models.Post, POST_FIELDS),
    mobilisation: loaderById(models.Mobilisation, MOBILISATION_FIELDS),
    mobilisationsOfGrid: pageLoader(models.Mobilisation, 'gridId', {}, { field: 'startedAt', direction: -1 }),
    mobilisationsOfCommunity: pageLoader(models.Mobilisation, 'communityId', {}, { field: 'startedAt', direction: -1 }),
    visitsOfMobilisation: pageLoader(models.HouseholdVisit, 'mobilisationId', {}, { field: 'at', direction: -1 }),
    /** Where the caller belongs, for post audiences (persistence/viewer-places.ts). */
    viewerPlaces: oncePerRequest<ViewerPlaces>(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A value the request works out once, by whichever resolver asks first. */
function oncePerRequest<T>() {
  let value: Promise<T> | undefined;
  return { once: (compute: () => Promise<T>): Promise<T> => (value ??= compute()) };
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
