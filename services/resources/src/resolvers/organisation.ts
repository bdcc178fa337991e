import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { organisationReference } from '../mappers.ts';

/** Organisation is owned by organisations; resources adds what it provides. Public. */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => organisationReference(reference.id),
  resources: (organisation, { first, after }, { loaders }) => loaders.resourcePagesOfProvider.load({ parentId: organisation.id, first, after }),
  funds: (organisation, { first, after }, { loaders }) => loaders.fundPagesOfProvider.load({ parentId: organisation.id, first, after }),
};
