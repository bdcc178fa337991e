import { requireSignedIn, requirePersonalListReader } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';

/** Residents belong to the residents subgraph; this one adds their activities and service hours. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  activities: (resident, _args, { loaders, viewer }) => {
    requirePersonalListReader(viewer, resident.id, 'activities');
    return loaders.activitiesOfResident.load(resident.id);
  },
  serviceHours: (resident, _args, { loaders, viewer }) => {
    requireSignedIn(viewer);
    return loaders.serviceHoursOfResident.load(resident.id);
  },
};
