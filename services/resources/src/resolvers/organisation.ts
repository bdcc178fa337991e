import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { organisationReference } from '../mappers.ts';

/** Organisation is owned by organisations; resources adds what it provides. Public. */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => organisationReference(reference.id),
  resources: (organisation, _args, { loaders }) => loaders.resourcesOfProvider.load(organisation.id),
  // Same loader as resources: one query serves both fields.
  funds: async (organisation, _args, { loaders }) => (await loaders.resourcesOfProvider.load(organisation.id)).filter((resource) => resource.kind === 'FUND'),
};
