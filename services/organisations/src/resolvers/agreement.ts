import { idOf, requireSignedIn, loadReferenced } from '@civic/service-kit';
import type { AgreementResolvers } from '../generated/resolvers-types.ts';

export const Agreement: AgreementResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.agreement.load(reference.id),
  id: idOf,
  community: (agreement, _args, { loaders }) => loadReferenced(loaders.organisation, agreement.communityId, 'Organisation'),
  ownersCommittee: (agreement, _args, { loaders }) => loadReferenced(loaders.organisation, agreement.ownersCommitteeId, 'Organisation'),
  propertyCompany: (agreement, _args, { loaders }) => loadReferenced(loaders.organisation, agreement.propertyCompanyId, 'Organisation'),
  // Names and phones of people: for signed-in callers only.
  contacts: (agreement, _args, { viewer }) => {
    requireSignedIn(viewer);
    return agreement.contacts;
  },
};
