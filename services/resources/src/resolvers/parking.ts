import { idOf, loadReferenced } from '@civic/service-kit';
import type { ParkingApplicationResolvers, ParkingPrioritySpendingResolvers, ParkingQuotaResolvers } from '../generated/resolvers-types.ts';
import { MAX_PRIORITY_PLACES_PER_APPLICATION, PRIORITY_POINTS_PER_PLACE } from '../domain/parking-priority.ts';
import { waitingPositions } from '../domain/parking-rules.ts';
import { requireManagerOrService } from '../authorisation.ts';
import { readUnmanagedQuotaApplications } from '../errors.ts';
import { residentReference } from '../mappers.ts';

/** A PARKING resource seen as a quota: counts are public, the queue (rows about residents) is for its managers and services. */
export const ParkingQuota: ParkingQuotaResolvers = {
  places: (resource) => resource.parkingPlaces ?? 0,
  allocatedCount: async (resource, _args, { loaders }) =>
    (await loaders.applicationsOfResource.load(idOf(resource))).filter((application) => application.status === 'ALLOCATED').length,
  waitingCount: async (resource, _args, { loaders }) =>
    (await loaders.applicationsOfResource.load(idOf(resource))).filter((application) => application.status === 'WAITING').length,
  applications: (resource, { status, first, after }, { viewer, loaders }) => {
    requireManagerOrService(viewer, resource.servedPath, readUnmanagedQuotaApplications);
    return loaders.applicationPagesOfResource[status ?? 'ALL'].load({ parentId: idOf(resource), first, after });
  },
  priorityPointsPerPlace: () => PRIORITY_POINTS_PER_PLACE,
  maxPriorityPlaces: () => MAX_PRIORITY_PLACES_PER_APPLICATION,
};

export const ParkingApplication: ParkingApplicationResolvers = {
  id: idOf,
  resource: (application, _args, { loaders }) => loadReferenced(loaders.resource, application.resourceId, 'Resource'),
  applicant: (application) => (application.anonymisedAt ? null : residentReference(application.applicantId)),
  waitingPosition: async (application, _args, { loaders }) => {
    if (application.status !== 'WAITING') return null;
    const queue = (await loaders.applicationsOfResource.load(application.resourceId.toHexString())).filter((other) => other.status === 'WAITING');
    return waitingPositions(queue).get(idOf(application)) ?? null;
  },
  prioritySpendings: (application, _args, { loaders }) => loaders.prioritySagasOfApplication.load(idOf(application)),
};

export const ParkingPrioritySpending: ParkingPrioritySpendingResolvers = {
  id: idOf,
};
