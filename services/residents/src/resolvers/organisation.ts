import { parseId } from '@civic/service-kit';
import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { requireListingAccess } from '../authorisation.ts';
import { listPartyMembersNotStaff } from '../errors.ts';

/** Organisation is owned by organisations; residents adds the party members registered with it (a listing: staff and services). */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyMembers: (organisation, { first, after }, context) => {
    requireListingAccess(context.viewer, listPartyMembersNotStaff);
    parseId('id', organisation.id);
    return context.loaders.partyMembersByBranch.load({ parentId: organisation.id, first, after });
  },
};
