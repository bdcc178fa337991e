import type { InputViolation } from '@civic/service-kit';
import type { ActionItemStatus } from './vocabulary.ts';

/** Rules of action items: deadlines, overdue, and how progress moves their status. */

const DAY = 24 * 3600_000;
// A year is the horizon of a neighbourhood decision; longer belongs in a plan, not an action item.
export const MAX_DEADLINE_DAYS = 366;

export function deadlinePassed(): InputViolation {
  return { field: 'deadline', message: 'must be in the future' };
}

export function deadlineTooFar(): InputViolation {
  return { field: 'deadline', message: `must be within ${MAX_DEADLINE_DAYS} days` };
}

/** Why an action item cannot be due at `deadline` (field and message), or null. */
export function deadlineError(deadline: Date, now: Date): InputViolation | null {
  if (deadline.getTime() <= now.getTime()) return deadlinePassed();
  if (deadline.getTime() - now.getTime() > MAX_DEADLINE_DAYS * DAY) return deadlineTooFar();
  return null;
}

/** Overdue: the deadline has passed and the item is not done. */
export function isOverdue(item: { status: ActionItemStatus; deadline: Date }, now: Date): boolean {
  return item.status !== 'DONE' && item.deadline.getTime() < now.getTime();
}

/** The statuses an item may be in for a progress report to move it to `to`. */
export function progressSources(to: ActionItemStatus): ActionItemStatus[] {
  if (to === 'IN_PROGRESS') return ['OPEN', 'IN_PROGRESS'];
  if (to === 'DONE') return ['OPEN', 'IN_PROGRESS'];
  return [];
}

/** Not done: OPEN or IN_PROGRESS, the statuses an overdue item may have. */
export const UNFINISHED: readonly ActionItemStatus[] = ['OPEN', 'IN_PROGRESS'];
