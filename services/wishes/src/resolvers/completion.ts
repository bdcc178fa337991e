import { invalidTransition, signedInSubject } from '@civic/service-kit';
import type { WishDocument } from '../models/wish.ts';
import { isRequest } from '../domain/vocabulary.ts';
import { autoConfirmAt } from '../domain/claiming.ts';
import { closedOnTime } from '../domain/deadlines.ts';
import type { OutcomeStatement } from '../domain/outcome.ts';
import { requireClaimant, requireHandlerStaff } from '../authorisation.ts';
import { changeWish, planSteps, type Step } from '../persistence/wish-changes.ts';
import { loadWish, optionalNote } from '../inputs/wish-input.ts';
import { servedByOf } from '../inputs/served-by.ts';
import { outcomeOf } from '../inputs/outcome.ts';
import { fulfilWishOfAnotherClaimant, resolveRequestOfAnotherHandler, startRequestOfAnotherHandler, startWishOfAnotherClaimant, stepOfOtherKind } from '../errors.ts';
import type { Context } from '../context.ts';

/**
 * Taking up and completing a wish: fulfilWish and resolveRequest (and acknowledgeRequest) say
 * which kind they expect and refuse the other; the deprecated completeWish (and startWishService
 * on a request) take either, doing what the wish's kind calls for. Who may act is checked first,
 * by the wish's own kind, so that only its claimant or handler learns it is of the other kind.
 */

/** Starting a micro-wish's service (START_SERVICE) or acknowledging a request (ACKNOWLEDGE). */
export async function takeUp(id: string, expected: 'ACKNOWLEDGE' | null, { viewer, loaders, models, clock }: Context): Promise<WishDocument> {
  const wish = await loadWish(loaders, id);
  const request = isRequest(wish.kind);
  if (request) requireHandlerStaff(viewer, wish, startRequestOfAnotherHandler);
  else requireClaimant(viewer, wish, startWishOfAnotherClaimant);
  if (expected === 'ACKNOWLEDGE' && !request) throw stepOfOtherKind(wish.kind, wish.status, expected);
  return changeWish(models, wish, { steps: [{ action: request ? 'ACKNOWLEDGE' : 'START_SERVICE' }], actor: signedInSubject(viewer), at: clock.now() });
}

export interface Completing {
  id: string;
  note?: string | null;
  servedBy?: readonly string[] | null;
  outcome?: OutcomeStatement | null;
}

/** Fulfilling a micro-wish (FULFIL) or resolving a request (RESOLVE), with what it achieved; `expected` null takes either kind. */
export async function complete({ id, note, servedBy, outcome }: Completing, expected: 'FULFIL' | 'RESOLVE' | null, context: Context): Promise<WishDocument> {
  const text = optionalNote('note', note);
  const wish = await loadWish(context.loaders, id);
  const request = isRequest(wish.kind);
  const action = request ? 'RESOLVE' : 'FULFIL';
  if (request) requireHandlerStaff(context.viewer, wish, resolveRequestOfAnotherHandler);
  else requireClaimant(context.viewer, wish, fulfilWishOfAnotherClaimant);
  if (expected !== null && expected !== action) throw stepOfOtherKind(wish.kind, wish.status, expected);
  if (wish.workOrders.some((order) => order.status === 'OPEN')) throw invalidTransition('Wish', wish.status, 'resolve while work orders are open');
  const now = context.clock.now();
  const step: Step = { action, note: text };
  // A step the state machine refuses answers before the graph is asked who served or who partnered.
  planSteps(wish, { steps: [step], actor: signedInSubject(context.viewer), at: now });
  const served = await servedByOf(context.graph, wish, servedBy);
  const achieved = await outcomeOf(context.graph, wish, outcome, now);
  return changeWish(context.models, wish, {
    steps: [step],
    actor: signedInSubject(context.viewer),
    at: now,
    set: { ...(await completion(wish, now, context)), outcome: achieved, ...(request ? {} : { servedBy: served }) },
  });
}

/** What completing (fulfilling or resolving) records: when, whether on time, when silence confirms; no outcome unless one is stated. */
export async function completion(wish: WishDocument, now: Date, { loaders }: Context): Promise<Partial<WishDocument>> {
  const windows = await loaders.claimWindows.load(wish.communityId.toHexString());
  return {
    completedAt: now,
    closedOnTime: isRequest(wish.kind) ? closedOnTime(now, wish.resolveDeadline, wish.escalations) : null,
    autoConfirmAt: autoConfirmAt(now, windows),
    outcome: null,
  };
}
