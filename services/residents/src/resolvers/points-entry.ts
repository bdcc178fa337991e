import { idOf } from '@civic/service-kit';
import type { PointsEntryResolvers } from '../generated/resolvers-types.ts';

export const PointsEntry: PointsEntryResolvers = {
  id: idOf,
};
