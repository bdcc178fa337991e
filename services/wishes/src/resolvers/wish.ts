import { isAnonymous } from '@civic/identity';
import { idOf, hexIds, readsAsAnalyst } from '@civic/service-kit';
import type { WishClaimantResolvers, WishResolvers, WishTimelineEntryResolvers, WorkOrderResolvers } from '../generated/resolvers-types.ts';
import { claimLevelAt } from '../domain/claiming.ts';
import { isOverdue } from '../domain/deadlines.ts';
import { whoServed } from '../domain/serving.ts';
import { standsForClosedAccount } from '../domain/resident-closure.ts';
import { canSeeWish, seesInFull } from '../authorisation.ts';

/** What the timeline shows as actor to someone who may not see who acted. */
export const HIDDEN_ACTOR = '***';

export const Wish: WishResolvers = {
  __resolveReference: async (reference, { loaders, viewer }) => {
    const wish = await loaders.wish.load(reference.id);
    return wish && canSeeWish(viewer, wish) ? wish : null;
  },
  id: idOf,
  organisationPath: (wish) => hexIds(wish.organisationPath),
  community: (wish) => ({ id: wish.communityId.toHexString() }),
  grid: (wish) => ({ id: wish.gridId.toHexString() }),
  requester: (wish, _args, { viewer }) => (seesInFull(viewer, wish) && !standsForClosedAccount(wish, wish.requesterId) ? { id: wish.requesterId.toHexString() } : null),
  // The recording account is the requester's own when they submitted it: masked like the requester.
  recordedBy: (wish, _args, { viewer }) => (seesInFull(viewer, wish) ? wish.recordedBy : HIDDEN_ACTOR),
  claimant: (wish, _args, { viewer }) => {
    if (!wish.claimantId || !wish.claimantKind || standsForClosedAccount(wish, wish.claimantId)) return null;
    // Who took a wish on is on its record for signed-in callers; an anonymous caller sees nothing
    // personal, and an analyst reads no row about a person.
    if (wish.claimantKind === 'RESIDENT') return isAnonymous(viewer) || readsAsAnalyst(viewer) ? null : { __typename: 'Resident', id: wish.claimantId.toHexString() };
    return { __typename: 'Organisation', id: wish.claimantId.toHexString() };
  },
  // Who served is personal, as who asked is.
  servedBy: (wish, _args, { viewer }) =>
    seesInFull(viewer, wish) ? whoServed(wish).flatMap((id) => (standsForClosedAccount(wish, id) ? [] : [{ id: id.toHexString() }])) : [],
  handler: (wish) => (wish.handlerId ? { id: wish.handlerId.toHexString() } : null),
  routingRule: (wish) => wish.routing,
  claimLevel: async (wish, _args, { loaders, clock }) => {
    if (wish.status !== 'PUBLISHED' || wish.kind !== 'WISH' || !wish.openedAt) return null;
    return claimLevelAt(wish.openedAt, clock.now(), await loaders.claimWindows.load(wish.communityId.toHexString()));
  },
  overdue: (wish, _args, { clock }) => isOverdue(wish.dueAt, clock.now()),
  rejectionReason: (wish) => wish.rejectionReason,
  feedback: (wish) => wish.feedback,
  outcome: (wish) => wish.outcome ?? null,
  // Who acted is personal: hidden from those who see the wish with its requester masked.
  timeline: (wish, _args, { viewer }) => (seesInFull(viewer, wish) ? wish.timeline : wish.timeline.map((entry) => ({ ...entry, actor: HIDDEN_ACTOR }))),
};

export const WishClaimant: WishClaimantResolvers = {
  __resolveType: (claimant) => (claimant.__typename === 'Organisation' ? 'Organisation' : 'Resident'),
};

export const WishTimelineEntry: WishTimelineEntryResolvers = {
  note: (entry) => entry.note,
};

export const WorkOrder: WorkOrderResolvers = {
  id: idOf,
  assignee: (order) => ({ id: order.assigneeId.toHexString() }),
};
