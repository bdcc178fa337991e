import { requiredOrganisationPath, requirePersonalFactReader } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import { readAnotherResidentsActivities, readAnotherResidentsServiceHours } from '../errors.ts';

/**
 * Residents belong to the residents subgraph; this one adds their activities and service hours,
 * personal facts read by the resident, staff covering where they live (the path the gateway
 * supplies through @requires) and services.
 */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => reference,
  activities: (resident, _args, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'activities') }, readAnotherResidentsActivities);
    return loaders.activitiesOfResident.load(resident.id);
  },
  serviceHours: (resident, _args, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'serviceHours') }, readAnotherResidentsServiceHours);
    return loaders.serviceHoursOfResident.load(resident.id);
  },
};
