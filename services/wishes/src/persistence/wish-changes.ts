import { inTransaction, recordRequestEvents, returnUpdated } from '@civic/service-kit';
import { wishChangedMeanwhile, wishStepNotAllowed } from '../errors.ts';
import type { ClientSession } from 'mongoose';
import type { Models } from '../models/index.ts';
import { WISH_FIELDS, type TimelineEntryDocument, type WishDocument } from '../models/wish.ts';
import { nextStatus, type WishAction } from '../domain/wish-state-machine.ts';
import { dueAt, firstDeadlineNotice } from '../domain/deadlines.ts';
import { wishEvents } from '../domain/wish-events.ts';
import { recordScorecardChange } from './scorecard-rollups.ts';

/**
 * The one way a wish changes: every step passes the state machine, lands on the timeline, and the
 * write is conditional on the version that was read, so of two concurrent changes one wins and the
 * other answers CONFLICT with nothing written (a claim race is exactly this). The events of its
 * steps go to the outbox, and the scorecard rollups move, in the same transaction: a change that
 * loses writes neither.
 */

export interface Step {
  action: WishAction;
  note?: string | null;
}

export interface Change {
  steps: readonly Step[];
  actor: string;
  at: Date;
  set?: Partial<WishDocument>;
}


/** The status after the steps and their timeline entries; INVALID_TRANSITION on the first step not allowed. */
export function planSteps(wish: Pick<WishDocument, 'status' | 'kind'>, change: Change): { status: WishDocument['status']; entries: TimelineEntryDocument[] } {
  let status = wish.status;
  const entries: TimelineEntryDocument[] = [];
  for (const step of change.steps) {
    const next = nextStatus({ status, kind: wish.kind }, step.action);
    if (next === null) throw wishStepNotAllowed(status, step.action);
    status = next;
    entries.push({ action: step.action, actor: change.actor, at: change.at, note: step.note ?? null, status });
  }
  return { status, entries };
}

/** Applies the change with its events; within `session`'s transaction when it belongs to a write on other documents too. */
export async function changeWish(models: Models, wish: WishDocument, change: Change, session?: ClientSession): Promise<WishDocument> {
  if (!session) return inTransaction(models.Wish.db, (own) => changeWish(models, wish, change, own));
  const { status, entries } = planSteps(wish, change);
  const merged = { ...wish, ...change.set, status };
  const due = dueAt(status, merged);
  // A new deadline is told to its handler afresh; an unchanged one keeps where its notices stand.
  const notices = due?.getTime() === wish.dueAt?.getTime() ? {} : { deadlineNoticeAt: firstDeadlineNotice(due) };
  const updated = await models.Wish.findOneAndUpdate(
    { _id: wish._id, version: wish.version },
    {
      $set: { ...change.set, status, dueAt: due, ...notices, updatedAt: change.at },
      $inc: { version: 1 },
      $push: { timeline: { $each: entries } },
    },
    { ...returnUpdated(WISH_FIELDS), session },
  ).lean<WishDocument>();
  if (!updated) throw wishChangedMeanwhile();
  await recordScorecardChange(models, session, wish, updated);
  await recordRequestEvents(models.Outbox, session, wishEvents(wish, updated, change.steps.map((step) => step.action)), change.at);
  return updated;
}
