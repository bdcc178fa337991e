import { invalidTransition, parseId, hexIds, toObjectIds, signedInSubject, unknownId } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { isRequest } from '../domain/vocabulary.ts';
import { deadlineHours, deadlinesFrom } from '../domain/deadlines.ts';
import { handlingLevelOf } from '../domain/routing-rules.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { requireClaimant, requireHandlerStaff, requireManager } from '../authorisation.ts';
import { changeWish, planSteps, type Step } from '../persistence/wish-changes.ts';
import { completion } from './completion.ts';
import { withHandler } from '../domain/handler-history.ts';
import { loadWish, noteText, optionalNote } from '../inputs/wish-input.ts';
import { servedByOf } from '../inputs/served-by.ts';
import { dispatchWish, closeWorkOrder } from './work-orders.ts';
import {
  fulfilWishOfAnotherClaimant,
  handlerOutsideDistrict,
  handlerUnchanged,
  reassignOutOfScope,
  resolveRequestOfAnotherHandler,
  startRequestOfAnotherHandler,
  startWishOfAnotherClaimant,
} from '../errors.ts';

/** The work itself: starting, completing, reassigning and dispatching (see work-orders.ts). */
export const wishWorkMutations: MutationResolvers = {
  startWishService: async (_parent, { id }, { viewer, loaders, models, clock }) => {
    const wish = await loadWish(loaders, id);
    const request = isRequest(wish.kind);
    if (request) requireHandlerStaff(viewer, wish, startRequestOfAnotherHandler);
    else requireClaimant(viewer, wish, startWishOfAnotherClaimant);
    return changeWish(models, wish, { steps: [{ action: request ? 'ACKNOWLEDGE' : 'START_SERVICE' }], actor: signedInSubject(viewer), at: clock.now() });
  },

  completeWish: async (_parent, { id, note, servedBy }, context) => {
    const text = optionalNote('note', note);
    const wish = await loadWish(context.loaders, id);
    const request = isRequest(wish.kind);
    if (request) requireHandlerStaff(context.viewer, wish, resolveRequestOfAnotherHandler);
    else requireClaimant(context.viewer, wish, fulfilWishOfAnotherClaimant);
    if (wish.workOrders.some((order) => order.status === 'OPEN')) throw invalidTransition('Wish', wish.status, 'resolve while work orders are open');
    const now = context.clock.now();
    const step: Step = { action: request ? 'RESOLVE' : 'FULFIL', note: text };
    // A step the state machine refuses answers before the graph is asked who served.
    planSteps(wish, { steps: [step], actor: signedInSubject(context.viewer), at: now });
    const served = await servedByOf(context.graph, wish, servedBy);
    return changeWish(context.models, wish, {
      steps: [step],
      actor: signedInSubject(context.viewer),
      at: now,
      set: { ...(await completion(wish, now, context)), ...(request ? {} : { servedBy: served }) },
    });
  },

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
