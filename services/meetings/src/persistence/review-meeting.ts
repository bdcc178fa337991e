import { createHash } from 'node:crypto';
import { Types, type ClientSession } from 'mongoose';
import type { Models } from '../models/index.ts';
import { MEETING_FIELDS, type MeetingDocument } from '../models/meeting.ts';
import { acceptsPreparation } from '../domain/meeting-rules.ts';
import { reviewMeetingTaken } from '../errors.ts';

/**
 * The expert review meeting of a community at a time has an id derived from both, so every close
 * of voting that names that time sends its projects to the one meeting, whatever arrives at once
 * (two closes writing it together conflict, and the loser runs again and finds it).
 */
export function reviewMeetingId(communityId: string, startsAt: Date): Types.ObjectId {
  const digest = createHash('sha256').update(`expert-review:${communityId}:${startsAt.toISOString()}`).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}

/** Within the close's transaction: the review meeting planned at that time, or this new one; one already held or cancelled is refused. */
export async function planReviewMeeting(models: Models, meeting: MeetingDocument, session: ClientSession): Promise<MeetingDocument> {
  const existing = await models.Meeting.findById(meeting._id, MEETING_FIELDS).session(session).lean<MeetingDocument>();
  if (!existing) {
    await models.Meeting.create([meeting], { session });
    return meeting;
  }
  if (!acceptsPreparation(existing.status)) throw reviewMeetingTaken(existing.status);
  return existing;
}
