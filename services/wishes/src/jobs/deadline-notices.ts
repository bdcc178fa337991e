import { inTransaction, recordRequestEvents, returnUpdated } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { WishDocument } from '../models/wish.ts';
import { deadlineNotice } from '../domain/deadlines.ts';
import { SCORED_WISH_FIELDS, type ScoredWish } from '../domain/scorecard-contribution.ts';
import { recordScorecardChange } from '../persistence/scorecard-rollups.ts';

/**
 * Tells a request's handler, through the outbox, that the deadline that matters now is near or has
 * passed, and moves the wish's next notice on (to the deadline itself, or to none), in one
 * transaction, with the scorecard rollups: a request told it is overdue counts as overdue there from
 * then on. The write is conditional on the notice and deadline read, so a second sweep, or a change
 * that set a new deadline meanwhile, tells nothing twice; and it moves the wish's version on like
 * every change, so a change read before it answers CONFLICT instead of scoring a stale wish.
 * False when there was nothing to tell.
 */
export async function tellDeadline(models: Models, wish: WishDocument, now: Date): Promise<boolean> {
  if (!wish.dueAt || !wish.handlerId) return false;
  const due = wish.dueAt;
  const handlerId = wish.handlerId.toHexString();
  const { notice, next } = deadlineNotice(due, now);
  return inTransaction(models.Wish.db, async (session) => {
    const told = await models.Wish.findOneAndUpdate(
      { _id: wish._id, deadlineNoticeAt: wish.deadlineNoticeAt, dueAt: due },
      { $set: { deadlineNoticeAt: next }, $inc: { version: 1 } },
      { ...returnUpdated(SCORED_WISH_FIELDS), session },
    ).lean<ScoredWish>();
    if (!told) return false;
    await recordScorecardChange(models, session, { ...told, deadlineNoticeAt: wish.deadlineNoticeAt }, told);
    const facts = { wishId: wish._id.toHexString(), handlerId, deadline: due.toISOString() };
    await recordRequestEvents(models.Outbox, session, [notice === 'OVERDUE' ? { kind: 'request.overdue', facts } : { kind: 'request.deadlineNear', facts }], now);
    return true;
  });
}
