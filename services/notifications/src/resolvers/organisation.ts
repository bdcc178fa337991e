import { Types } from 'mongoose';
import { requireStaffCovering } from '@civic/service-kit';
import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { inboxPage } from './inbox-page.ts';
import { readOrganisationInboxOutOfScope } from '../errors.ts';

/** Organisation is owned by organisations; notifications adds its inbox, read by the staff who act for it. */
export const Organisation: OrganisationResolvers = {
  // The gateway hands over the @requires path with the key; keep it.
  __resolveReference: (reference) => reference,
  notifications: (organisation, { unreadOnly, first, after }, { viewer, models }) => {
    requireStaffCovering(viewer, organisation.path ?? [], readOrganisationInboxOutOfScope);
    return inboxPage(models, { type: 'Organisation', id: new Types.ObjectId(organisation.id) }, { unreadOnly, first, after });
  },
};
