import { Types, type ClientSession } from 'mongoose';
import { inTransaction, isDuplicateKeyOn } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { ONE_ITEM_PER_MICRO_PROJECT, ONE_ITEM_PER_WISH, type AgendaItemDocument } from '../models/agenda-item.ts';

export type AgendaItemContent = Pick<AgendaItemDocument, 'title' | 'wishId' | 'microProjectId'>;

/**
 * Appends items at the end of the meeting's agenda, within the caller's transaction: positions
 * follow the last one read in it, and two transactions appending to one meeting at once conflict
 * on the position they both take (the driver runs the loser again, after the winner's items). The
 * partial unique indexes refuse a wish or a micro-project the meeting takes up already.
 */
export async function appendAgendaItems(models: Models, meetingId: Types.ObjectId, contents: readonly AgendaItemContent[], now: Date, session: ClientSession): Promise<AgendaItemDocument[]> {
  const last = await models.AgendaItem.findOne({ meetingId }, { position: 1 }).sort({ position: -1 }).session(session).lean();
  const items = contents.map((content, index) => ({
    _id: new Types.ObjectId(),
    meetingId,
    position: (last?.position ?? 0) + 1 + index,
    ...content,
    minutes: null,
    decision: null,
    createdAt: now,
  }));
  for (const item of items) await models.AgendaItem.create([item], { session });
  return items;
}

/** Appends one item in a transaction of its own; null when its wish or project is on the agenda already. */
export async function appendAgendaItem(models: Models, meetingId: Types.ObjectId, content: AgendaItemContent, now: Date): Promise<AgendaItemDocument | null> {
  try {
    const [item] = await inTransaction(models.AgendaItem.db, (session) => appendAgendaItems(models, meetingId, [content], now, session));
    return item!;
  } catch (error) {
    if (isDuplicateKeyOn(error, ONE_ITEM_PER_WISH) || isDuplicateKeyOn(error, ONE_ITEM_PER_MICRO_PROJECT)) return null;
    throw error;
  }
}
