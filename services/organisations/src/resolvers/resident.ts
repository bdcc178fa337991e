import { requiredOrganisationPath, requirePersonalFactReader, type Connection } from '@civic/service-kit';
import type { ActivityDocument } from '../models/activity.ts';
import type { Loaders } from '../loaders.ts';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import { readAnotherResidentsActivities, readAnotherResidentsServiceHours } from '../errors.ts';

/**
 * Residents belong to the residents subgraph; this one adds their activities and service hours,
 * personal facts read by the resident, staff covering where they live (the path the gateway
 * supplies through @requires) and services.
 */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => reference,
  activities: (resident, { first, after }, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'activities') }, readAnotherResidentsActivities);
    return activityPage(loaders, resident.id, first, after);
  },
  serviceHours: (resident, _args, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'serviceHours') }, readAnotherResidentsServiceHours);
    return loaders.serviceHoursOfResident.load(resident.id);
  },
};

/** A page of the resident's sign-ups (batched over residents), each edge holding its activity (batched over pages). */
async function activityPage(loaders: Loaders, residentId: string, first: number | null | undefined, after: string | null | undefined): Promise<Connection<ActivityDocument>> {
  const signUps = await loaders.signUpPagesOfResident.load({ parentId: residentId, first, after });
  const activities = await loaders.activity.loadMany(signUps.edges.map((edge) => edge.node.activityId.toHexString()));
  const edges = signUps.edges.flatMap((edge, index) => {
    const activity = activities[index];
    if (activity instanceof Error) throw activity;
    return activity ? [{ cursor: edge.cursor, node: activity }] : [];
  });
  return { ...signUps, edges };
}
