import { fromGeoJsonPoint, idOf, loadAll, loadReferenced, requireStaffCovering } from '@civic/service-kit';
import type { ActivityCheckInResolvers, ActivityParticipantEdgeResolvers, ActivityPlaceResolvers, ActivityResolvers } from '../generated/resolvers-types.ts';
import { activityStatus } from '../domain/activity-rules.ts';
import { canSeeActivity } from '../authorisation.ts';
import { readCheckInsOutOfScope, readParticipantsOutOfScope } from '../errors.ts';

export const Activity: ActivityResolvers = {
  // A COMMUNITY activity does not exist for anonymous callers.
  __resolveReference: async (reference, { loaders, viewer }) => {
    const activity = await loaders.activity.load(reference.id);
    return activity && canSeeActivity(viewer, activity) ? activity : null;
  },
  id: idOf,
  host: (activity, _args, { loaders }) => loadReferenced(loaders.organisation, activity.hostId, 'Organisation'),
  coHosts: (activity, _args, { loaders }) => loadAll(loaders.organisation, activity.coHostIds),
  remainingPlaces: (activity) => Math.max(0, activity.capacity - activity.signedUpCount),
  status: (activity, _args, { clock }) => activityStatus(activity, clock.now()),
  viewerSignedUp: (activity, _args, { loaders, viewer }) => (viewer.residentId ? loaders.signedUpByViewer.load(idOf(activity)) : false),
  participants: (activity, { first, after }, { loaders, viewer }) => {
    requireStaffCovering(viewer, activity.hostPath, readParticipantsOutOfScope);
    return loaders.participantsOfActivity.load({ parentId: idOf(activity), first, after });
  },
  checkIns: (activity, { first, after }, { loaders, viewer }) => {
    requireStaffCovering(viewer, activity.hostPath, readCheckInsOutOfScope);
    return loaders.checkInsOfActivity.load({ parentId: idOf(activity), first, after });
  },
};

export const ActivityPlace: ActivityPlaceResolvers = {
  location: (place) => fromGeoJsonPoint(place.location),
};

/** A participant edge holds the sign-up; its node is the resident who signed up. */
export const ActivityParticipantEdge: ActivityParticipantEdgeResolvers = {
  node: (edge) => ({ id: edge.node.residentId.toHexString() }),
};

export const ActivityCheckIn: ActivityCheckInResolvers = {
  id: idOf,
  activity: (checkIn, _args, { loaders }) => loadReferenced(loaders.activity, checkIn.activityId, 'Activity'),
  resident: (checkIn) => (checkIn.anonymisedAt ? null : { id: checkIn.residentId.toHexString() }),
};
