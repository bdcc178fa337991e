import { idOf } from '@civic/service-kit';
import type { OrganisationResolvers } from '../generated/resolvers-types.ts';

export const Organisation: OrganisationResolvers = {
  id: idOf,
  __resolveReference: (reference, context) => context.loaders.organisation.load(reference.id),
};
