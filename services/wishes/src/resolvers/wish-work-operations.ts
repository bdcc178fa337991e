import { parseId, hexIds, toObjectIds, signedInSubject, unknownId } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { deadlineHours, deadlinesFrom } from '../domain/deadlines.ts';
import { handlingLevelOf } from '../domain/routing-rules.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { requireManager } from '../authorisation.ts';
import { changeWish, planSteps } from '../persistence/wish-changes.ts';
import { complete, takeUp } from './completion.ts';
import { withHandler } from '../domain/handler-history.ts';
import { loadWish, noteText } from '../inputs/wish-input.ts';
import { dispatchWish, closeWorkOrder } from './work-orders.ts';
import { handlerOutsideDistrict, handlerUnchanged, reassignOutOfScope } from '../errors.ts';

/** The work itself: taking up and completing (see completion.ts), reassigning and dispatching (see work-orders.ts). */
export const wishWorkMutations: MutationResolvers = {
  startWishService: (_parent, { id }, context) => takeUp(id, null, context),
  acknowledgeRequest: (_parent, { id }, context) => takeUp(id, 'ACKNOWLEDGE', context),
  fulfilWish: (_parent, args, context) => complete(args, 'FULFIL', context),
  resolveRequest: (_parent, args, context) => complete(args, 'RESOLVE', context),
  completeWish: (_parent, args, context) => complete(args, null, context),

  reassignWish: async (_parent, { id, handlerId, note }, { viewer, graph, loaders, models, clock }) => {
    const text = noteText('note', note);
    const newHandlerId = parseId('handlerId', handlerId);
    const wish = await loadWish(loaders, id);
    requireManager(viewer, wish.organisationPath, reassignOutOfScope);
    const now = clock.now();
    // A move the state machine refuses answers before the graph is asked.
    planSteps(wish, { steps: [{ action: 'REASSIGN' }], actor: signedInSubject(viewer), at: now });
    if (wish.handlerId?.equals(newHandlerId)) throw handlerUnchanged();
    const handler = await fetchOrganisation(graph, newHandlerId.toHexString());
    if (!handler) throw unknownId('handlerId', 'organisation');
    const handlingLevel = handlingLevelOf(hexIds(wish.organisationPath), handler.path);
    if (!handlingLevel) throw handlerOutsideDistrict();
    // The new handler acknowledges afresh; the resolve deadline stays the one promised.
    const { acknowledgeDeadline } = deadlinesFrom(now, deadlineHours(wish.category, null));
    return changeWish(models, wish, {
      steps: [{ action: 'REASSIGN', note: text }],
      actor: signedInSubject(viewer),
      at: now,
      set: { handlerId: newHandlerId, handlerPath: toObjectIds(handler.path), handlerIds: withHandler(wish, handler.id), handlingLevel, acknowledgeDeadline },
    });
  },

  dispatchWish: (_parent, args, context) => dispatchWish(args, context),
  closeWorkOrder: (_parent, args, context) => closeWorkOrder(args, context),
};
