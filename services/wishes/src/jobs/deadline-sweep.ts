import { Types } from 'mongoose';
import { inTransaction, toObjectIds } from '@civic/service-kit';
import type { ClientSession } from 'mongoose';
import type { Models } from '../models/index.ts';
import { WISH_FIELDS, type WishDocument } from '../models/wish.ts';
import { DEFAULT_DEADLINE_HOURS, deadlinesFrom, escalationLevel } from '../domain/deadlines.ts';
import { organisationAtLevel } from '../domain/routing-rules.ts';
import { withHandler } from '../domain/handler-history.ts';
import { changeWish } from '../persistence/wish-changes.ts';
import { tellDeadline } from './deadline-notices.ts';

/**
 * The deadline job: each handler is told once that a request's deadline is near and once that it
 * passed (deadline-notices.ts); each overdue request moves one level up the organisation tree
 * (community → street → district) with fresh deadlines, a timeline entry and, in the same
 * transaction, a notification for its new handler; fulfilled wishes left silent are confirmed
 * automatically. Every write is conditional on what was read, and what it changes no longer
 * matches, so running it twice for the same time moves and tells nothing twice (and two replicas
 * sweeping together move each request once).
 */

const BATCH = 200;
const LEVEL_NAMES = { COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' } as const;

export interface SweepResult {
  at: Date;
  deadlineNotices: number;
  escalated: number;
  autoConfirmed: number;
}

/** Sweeps every request, or only those raised in `subtree` (an organisation's id) when given. */
export async function sweepDeadlines(models: Models, now: Date, actor: string, subtree: Types.ObjectId | null = null): Promise<SweepResult> {
  const raisedIn = subtree ? { organisationPath: subtree } : {};
  // Before escalating: the handler who missed a deadline hears of it before the request moves on.
  const deadlineNotices = await eachBatch(models, { deadlineNoticeAt: { $lte: now }, ...raisedIn }, (wish) => tellDeadline(models, wish, now));
  const escalated = await eachBatch(models, { dueAt: { $lte: now }, handlingLevel: { $in: ['COMMUNITY', 'STREET'] }, ...raisedIn }, (wish) => escalate(models, wish, now, actor));
  const autoConfirmed = await eachBatch(models, { autoConfirmAt: { $lte: now }, status: { $in: ['FULFILLED', 'RESOLVED'] }, ...raisedIn }, (wish) =>
    autoConfirm(models, wish, now, actor),
  );
  return { at: now, deadlineNotices, escalated, autoConfirmed };
}

/** Walks the matching wishes in id order, a batch at a time; counts those the step changed. */
async function eachBatch(models: Models, filter: Record<string, unknown>, step: (wish: WishDocument) => Promise<boolean>): Promise<number> {
  let changed = 0;
  let after: Types.ObjectId | null = null;
  for (;;) {
    const batch: WishDocument[] = await models.Wish.find(after ? { ...filter, _id: { $gt: after } } : filter, WISH_FIELDS)
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<WishDocument[]>();
    for (const wish of batch) if (await step(wish)) changed++;
    if (batch.length < BATCH) return changed;
    after = batch.at(-1)!._id;
  }
}

async function escalate(models: Models, wish: WishDocument, now: Date, actor: string): Promise<boolean> {
  const level = wish.handlingLevel && escalationLevel(wish.handlingLevel);
  if (!level) return false;
  const handler = organisationAtLevel(wish.organisationPath.map((id) => id.toHexString()), level);
  const note = `逾期未办结，升级至${LEVEL_NAMES[level]}督办`;
  const updated = await unlessChangedMeanwhile(() =>
    inTransaction(models.Wish.db, async (session) => {
      const escalation = {
        steps: [{ action: 'ESCALATE' as const, note }],
        actor,
        at: now,
        set: {
          handlerId: new Types.ObjectId(handler.id),
          handlerPath: toObjectIds(handler.path),
          handlerIds: withHandler(wish, handler.id),
          handlingLevel: level,
          escalations: wish.escalations + 1,
          ...deadlinesFrom(now, DEFAULT_DEADLINE_HOURS[wish.category]),
        },
      };
      const escalated = await changeWish(models, wish, escalation, session);
      await notify(models, escalated, `诉求「${wish.title}」${note}，请及时办理`, now, session);
      return escalated;
    }),
  );
  return updated !== null;
}

async function autoConfirm(models: Models, wish: WishDocument, now: Date, actor: string): Promise<boolean> {
  const updated = await unlessChangedMeanwhile(() =>
    changeWish(models, wish, {
      steps: [{ action: 'AUTO_CONFIRM', note: '居民逾期未评价，系统自动确认' }],
      actor,
      at: now,
      set: { feedback: { rating: null, comment: null, automatic: true, at: now }, autoConfirmAt: null },
    }),
  );
  return updated !== null;
}

/** A wish someone changed while the sweep looked at it is left for the next run. */
async function unlessChangedMeanwhile(write: () => Promise<WishDocument>): Promise<WishDocument | null> {
  try {
    return await write();
  } catch (error) {
    if ((error as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT') return null;
    throw error;
  }
}

/** The new handler's notification of an escalation, keyed by the wish's new version (one per event). */
async function notify(models: Models, wish: WishDocument, message: string, now: Date, session: ClientSession): Promise<void> {
  if (!wish.handlerId) return;
  await models.WishNotification.create(
    [{ recipientId: wish.handlerId, recipientPath: wish.handlerPath, wishId: wish._id, message, eventKey: `${wish._id.toHexString()}:${wish.version}`, createdAt: now }],
    { session },
  );
}
