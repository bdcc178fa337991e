import { idOf, loadReferenced } from '@civic/service-kit';
import type { PartnershipResolvers } from '../generated/resolvers-types.ts';

export const Partnership: PartnershipResolvers = {
  id: idOf,
  community: (partnership, _args, { loaders }) => loadReferenced(loaders.organisation, partnership.communityId, 'Organisation'),
  unit: (partnership, _args, { loaders }) => loadReferenced(loaders.organisation, partnership.unitId, 'Organisation'),
};
