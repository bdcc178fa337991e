import { Types } from 'mongoose';
import { conflict, isDuplicateKeyError } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { matterKey, type AgendaItemDocument } from '../models/agenda-item.ts';

// Each lost race means another item took the position; a handful of tries settles any real meeting.
const MAX_ATTEMPTS = 10;

export type AgendaItemContent = Pick<AgendaItemDocument, 'title' | 'wishId' | 'microProjectId'>;

/**
 * Appends an item at the end of the meeting's agenda, or returns null when its wish or project is
 * already on it. Two unique indexes decide, whatever arrives at once: (meetingId, position) keeps
 * positions distinct (the read only suggests the next), (meetingId, matterKey) keeps matters single.
 */
export async function appendAgendaItem(models: Models, meetingId: Types.ObjectId, content: AgendaItemContent, now: Date): Promise<AgendaItemDocument | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const last = await models.AgendaItem.findOne({ meetingId }, { position: 1 }).sort({ position: -1 }).lean();
    const _id = new Types.ObjectId();
    const document: AgendaItemDocument = {
      _id,
      meetingId,
      position: (last?.position ?? 0) + 1,
      ...content,
      matterKey: matterKey({ _id, ...content }),
      minutes: null,
      decision: null,
      createdAt: now,
    };
    try {
      await models.AgendaItem.create(document);
      return document;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Which index refused: the matter (it is listed already) or only the position (try the next).
      if (await models.AgendaItem.exists({ meetingId, matterKey: document.matterKey })) return null;
    }
  }
  throw conflict('The agenda is being changed by others; try again');
}
