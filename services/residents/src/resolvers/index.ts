import type { Resolvers } from '../generated/resolvers-types.ts';
import { Resident } from './resident.ts';

export const resolvers: Resolvers = {
  Resident,
  Query: {
    resident: (_parent, { id }, context) => context.loaders.resident.load(id),
  },
};
