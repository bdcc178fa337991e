import type { OutcomeFacts, PartyRef } from '@civic/events';
import type { EventDraft } from '@civic/service-kit';
import type { WishDocument } from '../models/wish.ts';
import type { WishAction } from './wish-state-machine.ts';
import { isRequest } from './vocabulary.ts';
import { whoServed } from './serving.ts';

/**
 * The events a change of a wish publishes, one per step that others must hear about, from the wish
 * as it was and as it became. Steps only the wish's own timeline cares about (submitting,
 * rejecting, withdrawing, starting, acknowledging, closing one work order) publish nothing.
 */
export function wishEvents(before: WishDocument, after: WishDocument, actions: readonly WishAction[]): EventDraft[] {
  return actions.flatMap((action) => eventOf(action, before, after) ?? []);
}

type Wish = WishDocument;

function eventOf(action: WishAction, before: Wish, after: Wish): EventDraft | null {
  const wish = { wishId: after._id.toHexString(), requesterId: after.requesterId.toHexString() };
  switch (action) {
    case 'PUBLISH':
      return { kind: 'wish.published', facts: { ...wish, communityId: after.communityId.toHexString(), gridId: after.gridId.toHexString() } };
    case 'CLAIM':
      return { kind: 'wish.claimed', facts: { ...wish, claimant: claimantOf(after)!, communityId: after.communityId.toHexString() } };
    case 'HAND_BACK':
      return { kind: 'wish.handedBack', facts: { ...wish, claimant: claimantOf(before)! } };
    case 'FULFIL':
      return { kind: 'wish.fulfilled', facts: { ...wish, claimant: claimantOf(after)!, servedBy: hex(whoServed(after)), outcome: outcomeFacts(after) } };
    case 'CONFIRM':
    case 'AUTO_CONFIRM':
      return confirmation(after);
    case 'REOPEN':
      return { kind: 'wish.reopened', facts: { ...wish, previousClaimant: claimantOf(before), handlerId: before.handlerId?.toHexString() ?? null } };
    case 'ESCALATE':
      return { kind: 'wish.escalated', facts: { ...wish, fromHandlerId: before.handlerId?.toHexString() ?? null, toOrganisationId: after.handlerId!.toHexString() } };
    case 'ROUTE':
    case 'REASSIGN':
      return { kind: 'request.routed', facts: { ...wish, handlerId: after.handlerId!.toHexString(), deadline: after.acknowledgeDeadline?.toISOString() ?? null } };
    case 'DISPATCH':
      return { kind: 'request.dispatched', facts: { ...wish, handlerIds: newAssignees(before, after) } };
    case 'RESOLVE':
      return { kind: 'request.resolved', facts: { ...wish, handlerId: after.handlerId!.toHexString(), outcome: outcomeFacts(after) } };
    default:
      return null;
  }
}

/** A micro-wish's confirmation, by its requester's rating or by their silence; a request's is its requester's own business. */
function confirmation(after: Wish): EventDraft | null {
  const claimant = claimantOf(after);
  if (isRequest(after.kind) || !claimant) return null;
  const feedback = after.feedback;
  return {
    kind: 'wish.confirmed',
    facts: {
      wishId: after._id.toHexString(),
      requesterId: after.requesterId.toHexString(),
      claimant,
      servedBy: hex(whoServed(after)),
      rating: feedback?.rating ?? null,
      automatic: feedback?.automatic ?? false,
      communityId: after.communityId.toHexString(),
    },
  };
}

function claimantOf(wish: Wish): PartyRef | null {
  if (!wish.claimantId || !wish.claimantKind) return null;
  return { type: wish.claimantKind === 'RESIDENT' ? 'Resident' : 'Organisation', id: wish.claimantId.toHexString() };
}

function outcomeFacts(wish: Wish): OutcomeFacts | null {
  const outcome = wish.outcome;
  if (!outcome) return null;
  return {
    quantityCount: outcome.quantities.length,
    beneficiaries: outcome.beneficiaries && { households: outcome.beneficiaries.households, persons: outcome.beneficiaries.persons },
    partnerIds: hex(outcome.partnerIds),
    daysTaken: outcome.daysTaken,
    recordedAt: outcome.recordedAt.toISOString(),
  };
}

/** The departments this dispatch gave work orders, each once, in the order given. */
function newAssignees(before: Wish, after: Wish): string[] {
  const earlier = new Set(before.workOrders.map((order) => order._id.toHexString()));
  const added = after.workOrders.filter((order) => !earlier.has(order._id.toHexString()));
  return [...new Set(added.map((order) => order.assigneeId.toHexString()))];
}

function hex(ids: readonly { toHexString(): string }[]): string[] {
  return ids.map((id) => id.toHexString());
}
