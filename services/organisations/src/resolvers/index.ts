import type { Resolvers } from '../generated/resolvers-types.ts';
import { Organisation } from './organisation.ts';

export const resolvers: Resolvers = {
  Organisation,
  Query: {
    organisation: (_parent, { id }, context) => context.loaders.organisation.load(id),
  },
};
