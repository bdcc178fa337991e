import { requiredOrganisationPath, requirePersonalFactReader, type Refusal } from '@civic/service-kit';
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
  invitations: (resident, { first, after }, { loaders, viewer }) => {
    requireReader(viewer, resident, 'invitations', readAnotherResidentsInvitations);
    return loaders.invitationsOfResident.load({ parentId: resident.id, first, after });
  },
  attendance: (resident, { first, after }, { loaders, viewer }) => {
    requireReader(viewer, resident, 'attendance', readAnotherResidentsAttendance);
    return loaders.attendanceOfResident.load({ parentId: resident.id, first, after });
  },
  // A page of the resident's votes, each edge keeping its vote's cursor and showing the project voted for.
  microProjectVotes: async (resident, { first, after }, { loaders, viewer }) => {
    requireReader(viewer, resident, 'microProjectVotes', readAnotherResidentsVotes);
    const votes = await loaders.votesOfResident.load({ parentId: resident.id, first, after });
    const projects = await Promise.all(votes.edges.map((edge) => loaders.microProject.load(edge.node.microProjectId.toHexString())));
    // A project is never deleted, so every vote finds its project.
    return { ...votes, edges: votes.edges.map((edge, index) => ({ cursor: edge.cursor, node: projects[index]! })) };
  },
};
