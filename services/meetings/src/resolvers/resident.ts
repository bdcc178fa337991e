import { loadAll, requiredOrganisationPath, requirePersonalFactReader, type Refusal } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import type { ResidentReference } from '../mappers.ts';
import { readAnotherResidentsAttendance, readAnotherResidentsInvitations, readAnotherResidentsVotes } from '../errors.ts';

/**
 * Residents belong to the residents subgraph; this one adds their invitations, attendance and votes,
 * personal facts read by the resident, staff covering where they live (the path the gateway supplies
 * through @requires) and services.
 */
function requireReader(viewer: Viewer, resident: ResidentReference, field: string, refusal: Refusal): void {
  requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, field) }, refusal);
}

export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => reference,
  invitations: (resident, _args, { loaders, viewer }) => {
    requireReader(viewer, resident, 'invitations', readAnotherResidentsInvitations);
    return loaders.invitationsOfResident.load(resident.id);
  },
  attendance: async (resident, _args, { loaders, viewer }) => {
    requireReader(viewer, resident, 'attendance', readAnotherResidentsAttendance);
    return (await loaders.invitationsOfResident.load(resident.id)).filter((participant) => participant.attended);
  },
  microProjectVotes: async (resident, _args, { loaders, viewer }) => {
    requireReader(viewer, resident, 'microProjectVotes', readAnotherResidentsVotes);
    const votes = await loaders.votesOfResident.load(resident.id);
    return loadAll(loaders.microProject, votes.map((vote) => vote.microProjectId));
  },
};
