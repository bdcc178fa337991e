import { invalidTransition, notFound, requireSignedIn, loadForInput, loadReferenced, requireResident } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { PARKING_APPLICATION_FIELDS, type ParkingApplicationDocument } from '../models/parking-application.ts';
import { enqueue, leave } from '../persistence/parking-queue.ts';
import { isResourceManager, mayReadApplication } from '../authorisation.ts';
import { servedResident } from './served.ts';
import {
  applyForParkingAsNonResident,
  applyForParkingOutsideServedArea,
  notAParkingQuota,
  parkingApplicationOpen,
  readAnotherParkingApplication,
  releaseAnotherParkingApplication,
} from '../errors.ts';

export const parkingQueries: QueryResolvers = {
  parkingApplication: async (_parent, { id }, { viewer, loaders }) => {
    requireSignedIn(viewer);
    const application = await loaders.parkingApplication.load(id);
    if (application && !mayReadApplication(viewer, application)) throw readAnotherParkingApplication();
    return application;
  },
};

export const parkingMutations: MutationResolvers = {
  applyForParking: async (_parent, { resourceId }, context) => {
    const { viewer, models, loaders, clock } = context;
    requireResident(viewer, applyForParkingAsNonResident);
    const resource = await loadForInput(loaders.resource, 'resourceId', resourceId, 'resource');
    if (resource.kind !== 'PARKING') throw notAParkingQuota();
    const { residentId: applicantId } = await servedResident(context, resource.servedPath, { notResident: applyForParkingAsNonResident, livesOutside: applyForParkingOutsideServedArea });
    if (resource.status !== 'ACTIVE') throw invalidTransition('Resource', resource.status, 'take applications');
    const applicationId = await enqueue(models, resource, applicantId, clock.now());
    if (!applicationId) throw parkingApplicationOpen();
    // Read after the queue moved, so the answer says whether a place was allocated.
    return (await models.ParkingApplication.findById(applicationId, PARKING_APPLICATION_FIELDS).lean<ParkingApplicationDocument>())!;
  },

  releaseParking: async (_parent, { applicationId }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const application = await loaders.parkingApplication.load(applicationId);
    if (!application || !mayReadApplication(viewer, application)) throw notFound('ParkingApplication', applicationId);
    const isApplicant = viewer.residentId === application.applicantId.toHexString();
    if (!isApplicant && !isResourceManager(viewer, application.servedPath)) throw releaseAnotherParkingApplication();
    const resource = await loadReferenced(loaders.resource, application.resourceId, 'Resource');
    const closed = await leave(models, resource, application, clock.now());
    if (!closed) throw invalidTransition('ParkingApplication', application.status, 'be released');
    return closed;
  },
};
