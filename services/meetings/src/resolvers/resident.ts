import { loadAll, requirePersonalListReader } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';

/** Residents belong to the residents subgraph; this one adds their invitations, attendance and votes. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  invitations: (resident, _args, { loaders, viewer }) => {
    requirePersonalListReader(viewer, resident.id, 'invitations');
    return loaders.invitationsOfResident.load(resident.id);
  },
  attendance: async (resident, _args, { loaders, viewer }) => {
    requirePersonalListReader(viewer, resident.id, 'attendance');
    return (await loaders.invitationsOfResident.load(resident.id)).filter((participant) => participant.attended);
  },
  microProjectVotes: async (resident, _args, { loaders, viewer }) => {
    requirePersonalListReader(viewer, resident.id, 'votes');
    const votes = await loaders.votesOfResident.load(resident.id);
    return loadAll(loaders.microProject, votes.map((vote) => vote.microProjectId));
  },
};
