import { idOf } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';

export const Resident: ResidentResolvers = {
  id: idOf,
  __resolveReference: (reference, context) => context.loaders.resident.load(reference.id),
};
