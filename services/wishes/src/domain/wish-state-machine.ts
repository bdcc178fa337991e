import type { WishKind, WishStatus } from './vocabulary.ts';
import { isRequest } from './vocabulary.ts';

/**
 * The life of a wish or request. Each action names the statuses it starts from, for a micro-wish
 * and for a request, and the status it leads to; anything else is an invalid transition.
 * Escalation, reassignment and closing a work order keep the request with its (new) handler.
 */
export const WISH_ACTIONS = [
  'SUBMIT',
  'PUBLISH',
  'REJECT',
  'WITHDRAW',
  'CLAIM',
  'HAND_BACK',
  'ROUTE',
  'REASSIGN',
  'ACKNOWLEDGE',
  'START_SERVICE',
  'DISPATCH',
  'CLOSE_WORK_ORDER',
  'FULFIL',
  'RESOLVE',
  'CONFIRM',
  'AUTO_CONFIRM',
  'REOPEN',
  'ESCALATE',
] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

interface Transition {
  /** The statuses a micro-wish and a request may take the action from (none: not for that kind). */
  from: { wish: readonly WishStatus[]; request: readonly WishStatus[] };
  /** null: the status stays as it is. */
  to: WishStatus | null;
}

const both = (statuses: readonly WishStatus[]) => ({ wish: statuses, request: statuses });
const wishOnly = (statuses: readonly WishStatus[]) => ({ wish: statuses, request: [] });
const requestOnly = (statuses: readonly WishStatus[]) => ({ wish: [], request: statuses });

export const TRANSITIONS: Readonly<Record<WishAction, Transition>> = {
  SUBMIT: { from: both([]), to: 'SUBMITTED' },
  PUBLISH: { from: both(['SUBMITTED']), to: 'PUBLISHED' },
  REJECT: { from: both(['SUBMITTED']), to: 'REJECTED' },
  WITHDRAW: { from: both(['SUBMITTED', 'PUBLISHED']), to: 'WITHDRAWN' },
  CLAIM: { from: wishOnly(['PUBLISHED']), to: 'CLAIMED' },
  HAND_BACK: { from: wishOnly(['CLAIMED', 'IN_SERVICE']), to: 'PUBLISHED' },
  ROUTE: { from: requestOnly(['PUBLISHED']), to: 'ROUTED' },
  REASSIGN: { from: requestOnly(['ROUTED', 'IN_SERVICE']), to: 'ROUTED' },
  ACKNOWLEDGE: { from: requestOnly(['ROUTED']), to: 'IN_SERVICE' },
  START_SERVICE: { from: wishOnly(['CLAIMED']), to: 'IN_SERVICE' },
  DISPATCH: { from: requestOnly(['ROUTED', 'IN_SERVICE']), to: 'IN_SERVICE' },
  CLOSE_WORK_ORDER: { from: requestOnly(['ROUTED', 'IN_SERVICE']), to: null },
  FULFIL: { from: wishOnly(['CLAIMED', 'IN_SERVICE']), to: 'FULFILLED' },
  RESOLVE: { from: requestOnly(['ROUTED', 'IN_SERVICE']), to: 'RESOLVED' },
  CONFIRM: { from: { wish: ['FULFILLED'], request: ['RESOLVED'] }, to: 'CONFIRMED' },
  AUTO_CONFIRM: { from: { wish: ['FULFILLED'], request: ['RESOLVED'] }, to: 'CONFIRMED' },
  REOPEN: { from: { wish: ['FULFILLED'], request: ['RESOLVED'] }, to: 'IN_SERVICE' },
  ESCALATE: { from: requestOnly(['ROUTED', 'IN_SERVICE']), to: 'ROUTED' },
};

/** The status an action leads to, or null when the action is not allowed from here. */
export function nextStatus(current: { status: WishStatus; kind: WishKind }, action: WishAction): WishStatus | null {
  const transition = TRANSITIONS[action];
  const from = isRequest(current.kind) ? transition.from.request : transition.from.wish;
  if (!from.includes(current.status)) return null;
  return transition.to ?? current.status;
}
