import type { PartyMembershipResolvers } from '../generated/resolvers-types.ts';

/** Embedded in a resident; the branch is an organisations entity. */
export const PartyMembership: PartyMembershipResolvers = {
  branch: (membership) => ({ id: membership.branchId.toHexString() }),
};
