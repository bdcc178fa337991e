import { paginate, parseId, requireSignedIn } from '@civic/service-kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { BY_NAME } from '../loaders.ts';
import { residentListQuery } from './resident-filter.ts';

/** Anonymous callers get UNAUTHENTICATED for any resident data; signed-in callers see PII masked as fits. */
export const Query: QueryResolvers = {
  me: (_parent, _args, context) => {
    requireSignedIn(context.viewer);
    return context.viewer.residentId ? context.loaders.resident.load(context.viewer.residentId) : null;
  },
  resident: (_parent, { id }, context) => {
    requireSignedIn(context.viewer);
    parseId('id', id);
    return context.loaders.resident.load(id);
  },
  residents: (_parent, { filter, first, after }, context) =>
    paginate(context.models.Resident, residentListQuery(context.viewer, filter), { first, after }, BY_NAME),
  household: (_parent, { id }, context) => {
    requireSignedIn(context.viewer);
    parseId('id', id);
    return context.loaders.household.load(id);
  },
};
