import type { VolunteerProfileResolvers } from '../generated/resolvers-types.ts';

/** Embedded in a resident; teams are organisations entities. */
export const VolunteerProfile: VolunteerProfileResolvers = {
  teams: (profile) => profile.teamIds.map((id) => ({ id: id.toHexString() })),
};
