import { parseId } from '@civic/service-kit';
import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { requireListingAccess } from '../authorisation.ts';

/** Organisation is owned by organisations; residents adds the party members registered with it (a listing: staff and services). */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyMembers: (organisation, { first, after }, context) => {
    requireListingAccess(context.viewer, 'list the party members of an organisation');
    parseId('id', organisation.id);
    return context.loaders.partyMembersByBranch.load({ parentId: organisation.id, first, after });
  },
};
