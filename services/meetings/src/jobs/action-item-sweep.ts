import { inTransaction, recordRequestEvents } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import { ACTION_ITEM_FIELDS, type ActionItemDocument } from '../models/action-item.ts';

/**
 * The action item sweep: each item past its deadline and not done is marked told, with
 * actionItem.overdue for its responsible organisation, in one transaction per item. The write is
 * conditional on the notice read and on the item not being done, so a second run, another replica
 * sweeping at once, or the item completed meanwhile tells nothing twice.
 */

const BATCH = 200;

export interface ActionItemSweepResult {
  at: Date;
  overdue: number;
}

/** Sweeps every item, or only those whose responsible organisation lies in `subtree` (an organisation's id) when given. */
export async function sweepActionItems(models: Models, now: Date, subtree: Types.ObjectId | null = null): Promise<ActionItemSweepResult> {
  // Overdue as domain/action-item-rules.ts isOverdue says: past the deadline, not at it.
  const due = { overdueNoticeAt: { $lt: now }, status: { $ne: 'DONE' as const }, ...(subtree ? { responsiblePath: subtree } : {}) };
  let overdue = 0;
  let after: Types.ObjectId | null = null;
  for (;;) {
    const batch: ActionItemDocument[] = await models.ActionItem.find(after ? { ...due, _id: { $gt: after } } : due, ACTION_ITEM_FIELDS)
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<ActionItemDocument[]>();
    for (const item of batch) if (await tellOverdue(models, item, now)) overdue++;
    if (batch.length < BATCH) return { at: now, overdue };
    after = batch.at(-1)!._id;
  }
}

async function tellOverdue(models: Models, item: ActionItemDocument, now: Date): Promise<boolean> {
  return inTransaction(models.ActionItem.db, async (session) => {
    const { modifiedCount } = await models.ActionItem.updateOne(
      { _id: item._id, overdueNoticeAt: item.overdueNoticeAt, status: { $ne: 'DONE' } },
      { $set: { overdueNoticeAt: null } },
      { session },
    );
    if (modifiedCount === 0) return false;
    const facts = {
      actionItemId: item._id.toHexString(),
      meetingId: item.meetingId.toHexString(),
      assignee: { type: 'Organisation' as const, id: item.responsibleOrganisationId.toHexString() },
      dueAt: item.deadline.toISOString(),
    };
    await recordRequestEvents(models.Outbox, session, [{ kind: 'actionItem.overdue', facts }], now);
    return true;
  });
}
