import { Types } from 'mongoose';
import { conflict, isDuplicateKeyError } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { AgendaItemDocument } from '../models/agenda-item.ts';

// Each lost race means another item took the position; a handful of tries settles any real meeting.
const MAX_ATTEMPTS = 10;

export type AgendaItemContent = Pick<AgendaItemDocument, 'title' | 'wishId' | 'microProjectId'>;

/**
 * Appends an item at the end of the meeting's agenda. The unique (meetingId, position) index is
 * what keeps positions distinct when two items are added at once; the read only suggests the next.
 */
export async function appendAgendaItem(models: Models, meetingId: Types.ObjectId, content: AgendaItemContent, now: Date): Promise<AgendaItemDocument> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const last = await models.AgendaItem.findOne({ meetingId }, { position: 1 }).sort({ position: -1 }).lean();
    const document: AgendaItemDocument = {
      _id: new Types.ObjectId(),
      meetingId,
      position: (last?.position ?? 0) + 1,
      ...content,
      minutes: null,
      decision: null,
      createdAt: now,
    };
    try {
      await models.AgendaItem.create(document);
      return document;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw conflict('The agenda is being changed by others; try again');
}

/** A fresh meeting's agenda in one write: positions 1..n in the given order. */
export async function insertAgenda(models: Models, meetingId: Types.ObjectId, contents: readonly AgendaItemContent[], now: Date): Promise<void> {
  const items = contents.map((content, index) => ({ _id: new Types.ObjectId(), meetingId, position: index + 1, ...content, minutes: null, decision: null, createdAt: now }));
  await models.AgendaItem.insertMany(items);
}
