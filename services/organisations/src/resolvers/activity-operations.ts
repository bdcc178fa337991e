import { Types, type QueryFilter } from 'mongoose';
import { isAnonymous } from '@civic/identity';
import { invalidTransition, parseId, parseIds, requireIntInRange, requireSignedIn, requireText, paginate, paginateNear, nearSearch, toGeoJsonPoint, returnUpdated, loadAll, loadForInput, loadTarget, requireStaffCovering, invalidInput } from '@civic/service-kit';
import type { ActivityFilter, CreateActivityInput, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { ACTIVITY_FIELDS, type ActivityDocument } from '../models/activity.ts';
import { MAX_CAPACITY, MAX_CO_HOSTS, MIN_CAPACITY, activityStatus, activityWindowError, canCancel } from '../domain/activity-rules.ts';
import { MAX_ADDRESS_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import { canSeeActivity } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { cancelActivityOutOfScope, coHostsOverLimit, createActivityOutOfScope, hostAmongCoHosts, unknownCoHost } from '../errors.ts';

export const activityQueries: QueryResolvers = {
  activity: async (_parent, { id }, { loaders, viewer }) => {
    const activity = await loaders.activity.load(id);
    return activity && canSeeActivity(viewer, activity) ? activity : null;
  },
  activities: (_parent, { filter, first, after }, { models, viewer }) => {
    const query = activityFilter(filter);
    if (isAnonymous(viewer)) query.visibility = 'PUBLIC';
    if (filter?.near) return paginateNear(models.Activity, 'place.location', query, nearSearch('filter.near', filter.near), { first, after }, ACTIVITY_FIELDS);
    return paginate(models.Activity, query, { first, after }, { field: 'startsAt', direction: 1 }, ACTIVITY_FIELDS);
  },
};

export const activityMutations: MutationResolvers = {
  createActivity: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    const host = await loadForInput(context.loaders.organisation, 'hostId', input.hostId, 'organisation');
    requireStaffCovering(context.viewer, host.path, createActivityOutOfScope);
    const document: ActivityDocument = {
      _id: new Types.ObjectId(),
      ...(await activityContent(input, host._id, context)),
      hostId: host._id,
      hostPath: host.path,
      signedUpCount: 0,
      cancelled: false,
      createdAt: context.clock.now(),
    };
    await context.models.Activity.create(document);
    return document;
  },

  cancelActivity: async (_parent, { id }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const activity = await loadTarget(loaders.activity, id, 'Activity');
    requireStaffCovering(viewer, activity.hostPath, cancelActivityOutOfScope);
    const now = clock.now();
    const status = activityStatus(activity, now);
    if (!canCancel(status)) throw invalidTransition('Activity', status, 'be cancelled');
    // The same conditions in the update: a finished or already cancelled activity stays as it is.
    const cancelled = await models.Activity.findOneAndUpdate(
      { _id: activity._id, cancelled: false, endsAt: { $gt: now } },
      { $set: { cancelled: true } },
      returnUpdated(ACTIVITY_FIELDS),
    ).lean<ActivityDocument>();
    if (!cancelled) throw invalidTransition('Activity', 'CANCELLED', 'be cancelled');
    return cancelled;
  },
};

type ActivityContent = Pick<ActivityDocument, 'category' | 'title' | 'description' | 'coHostIds' | 'startsAt' | 'endsAt' | 'place' | 'capacity' | 'visibility'>;

/** The validated content of a new activity; throws BAD_USER_INPUT naming the first bad field. */
async function activityContent(input: CreateActivityInput, hostId: Types.ObjectId, { loaders, clock }: Context): Promise<ActivityContent> {
  const title = requireText('title', input.title, { max: MAX_NAME_LENGTH });
  const description = requireText('description', input.description, { max: MAX_DESCRIPTION_LENGTH });
  const window = activityWindowError({ startsAt: input.startsAt, endsAt: input.endsAt }, clock.now());
  if (window) throw invalidInput(window);
  const capacity = requireIntInRange('capacity', input.capacity, MIN_CAPACITY, MAX_CAPACITY);
  const address = requireText('place.address', input.place.address, { max: MAX_ADDRESS_LENGTH });
  const location = toGeoJsonPoint('place.location', input.place.location);

  const coHostIds = parseIds('coHostIds', [...new Set(input.coHostIds ?? [])]);
  if (coHostIds.length > MAX_CO_HOSTS) throw coHostsOverLimit(MAX_CO_HOSTS);
  if (coHostIds.some((id) => id.equals(hostId))) throw hostAmongCoHosts();
  const coHosts = await loadAll(loaders.organisation, coHostIds);
  if (coHosts.length !== coHostIds.length) throw unknownCoHost();

  return {
    category: input.category,
    title,
    description,
    coHostIds,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: { address, location },
    capacity,
    visibility: input.visibility,
  };
}

function activityFilter(filter: ActivityFilter | null | undefined): QueryFilter<ActivityDocument> {
  const query: QueryFilter<ActivityDocument> = {};
  if (!filter) return query;
  if (filter.category) query.category = filter.category;
  // Hosted anywhere in the subtree: the host's path holds the subtree's root.
  if (filter.hostWithin) query.hostPath = parseId('filter.hostWithin', filter.hostWithin);
  if (filter.startsAfter || filter.startsBefore) {
    query.startsAt = { ...(filter.startsAfter ? { $gt: filter.startsAfter } : {}), ...(filter.startsBefore ? { $lt: filter.startsBefore } : {}) };
  }
  return query;
}
