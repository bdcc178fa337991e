import type { ActionItemDocument } from '../models/action-item.ts';

/**
 * How an action item stands for the follow-through aggregate at `now`: done by its deadline, done
 * after it, overdue (not done and its deadline passed), or still within its time.
 */
export type FollowThrough = 'doneOnTime' | 'doneLate' | 'overdue' | 'pending';

export function followThroughOf(item: Pick<ActionItemDocument, 'status' | 'deadline' | 'completedAt'>, now: Date): FollowThrough {
  if (item.status === 'DONE' && item.completedAt) return item.completedAt.getTime() <= item.deadline.getTime() ? 'doneOnTime' : 'doneLate';
  return item.deadline.getTime() < now.getTime() ? 'overdue' : 'pending';
}
