import type { HandlingLevel, WishCategory } from './vocabulary.ts';

/** Deadlines of a routed request (限期办结) and where an overdue one goes next. */

export interface DeadlineHours {
  acknowledgeHours: number;
  resolveHours: number;
}

/** Defaults per category; a tripartite agreement's own figures win for the requests it covers. */
export const DEFAULT_DEADLINE_HOURS: Readonly<Record<WishCategory, DeadlineHours>> = {
  GOVERNMENT_AFFAIRS: { acknowledgeHours: 24, resolveHours: 7 * 24 },
  SELF_GOVERNANCE: { acknowledgeHours: 24, resolveHours: 5 * 24 },
  MARKET_SERVICE: { acknowledgeHours: 12, resolveHours: 3 * 24 },
  PUBLIC_WELFARE: { acknowledgeHours: 48, resolveHours: 7 * 24 },
};

const HOUR = 3_600_000;

export function deadlineHours(category: WishCategory, agreement: DeadlineHours | null): DeadlineHours {
  return agreement ?? DEFAULT_DEADLINE_HOURS[category];
}

export function deadlinesFrom(start: Date, hours: DeadlineHours): { acknowledgeDeadline: Date; resolveDeadline: Date } {
  return {
    acknowledgeDeadline: new Date(start.getTime() + hours.acknowledgeHours * HOUR),
    resolveDeadline: new Date(start.getTime() + hours.resolveHours * HOUR),
  };
}

/**
 * The deadline that matters now: acknowledgement while the handler has not taken the request up,
 * resolution after. Null when nothing is due (the sweep and the overdue filter read this).
 */
export function dueAt(status: string, deadlines: { acknowledgeDeadline: Date | null; resolveDeadline: Date | null }): Date | null {
  if (status === 'ROUTED') return deadlines.acknowledgeDeadline;
  if (status === 'IN_SERVICE') return deadlines.resolveDeadline;
  return null;
}

export function isOverdue(due: Date | null, now: Date): boolean {
  return due !== null && due.getTime() <= now.getTime();
}

/**
 * Whether the sweep has told the handler that the deadline standing now passed: it then tells
 * nothing more about it (no next notice), and any new deadline is told afresh. What scorecards count
 * as overdue, as of the last sweep, so that no read has to look through every past deadline.
 */
export function toldOverdue(wish: { dueAt: Date | null; deadlineNoticeAt: Date | null }): boolean {
  return wish.dueAt != null && wish.deadlineNoticeAt == null;
}

/** One level up the organisation tree; null at the top (a district's overdue request stays there). */
export function escalationLevel(current: HandlingLevel): HandlingLevel | null {
  if (current === 'COMMUNITY') return 'STREET';
  if (current === 'STREET') return 'DISTRICT';
  return null;
}

/** Whether a request closed by its deadline, for the on-time rate. */
export function closedOnTime(closedAt: Date, resolveDeadline: Date | null, escalations: number): boolean | null {
  if (resolveDeadline === null) return null;
  return escalations === 0 && closedAt.getTime() <= resolveDeadline.getTime();
}

/** How long before a deadline its handler is told that it is near (request.deadlineNear). */
export const DEADLINE_NEAR_HOURS = 4;

/** When a deadline is first worth telling its handler about: DEADLINE_NEAR_HOURS before it; null when nothing is due. */
export function firstDeadlineNotice(due: Date | null): Date | null {
  return due && new Date(due.getTime() - DEADLINE_NEAR_HOURS * HOUR);
}

/**
 * What the sweep tells a handler about the deadline that matters now: that it passed, once it has
 * (a near deadline not yet told is then passed over), else that it is near; and when to tell next.
 */
export function deadlineNotice(due: Date, now: Date): { notice: 'OVERDUE' | 'NEAR'; next: Date | null } {
  return isOverdue(due, now) ? { notice: 'OVERDUE', next: null } : { notice: 'NEAR', next: due };
}
