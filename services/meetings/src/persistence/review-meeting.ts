import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { badUserInput, isDuplicateKeyError } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { MEETING_FIELDS, type MeetingDocument } from '../models/meeting.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import { acceptsPreparation } from '../domain/meeting-rules.ts';
import { appendAgendaItem } from './agenda.ts';

/**
 * The expert review meeting a close of voting sends projects to, written before any project points
 * at it. Its id is derived from the community and the review's start, so a close that runs again
 * (after a crash, or a second close for the same review) finds the same meeting instead of making
 * another: the unique _id decides, on both servers, whatever arrives at once.
 */
export function reviewMeetingId(communityId: string, startsAt: Date): Types.ObjectId {
  const digest = createHash('sha256').update(`expert-review:${communityId}:${startsAt.toISOString()}`).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}

/** Writes the review meeting, or takes the one already planned at that time; one already held or cancelled is refused. */
export async function planReviewMeeting(models: Models, meeting: MeetingDocument): Promise<MeetingDocument> {
  try {
    await models.Meeting.create(meeting);
    return meeting;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const existing = (await models.Meeting.findById(meeting._id, MEETING_FIELDS).lean<MeetingDocument>())!;
  if (!acceptsPreparation(existing.status)) throw badUserInput('reviewStartsAt', `the expert review meeting at this time is ${existing.status.toLowerCase()}; choose another time`);
  return existing;
}

/**
 * Cancels a review meeting that no project went to (votes reached the threshold before the close
 * moved them), unless something was put on it meanwhile.
 */
export async function withdrawUnusedReviewMeeting(models: Models, meetingId: Types.ObjectId): Promise<void> {
  if (await models.MicroProject.exists({ reviewMeetingId: meetingId })) return;
  if (await models.AgendaItem.exists({ meetingId })) return;
  await models.Meeting.updateOne({ _id: meetingId, status: 'PLANNED' }, { $set: { status: 'CANCELLED' } });
}

/**
 * Gives every project of the community under expert review its item on its review meeting's
 * agenda, in order of proposal: those this close sent, and any an interrupted close left without one.
 */
export async function completeReviewAgendas(models: Models, communityId: Types.ObjectId, now: Date): Promise<void> {
  const underReview = await models.MicroProject.find({ communityId, status: 'EXPERT_REVIEW' }, MICRO_PROJECT_FIELDS).sort({ createdAt: 1, _id: 1 }).lean<MicroProjectDocument[]>();
  if (underReview.length === 0) return;
  const listed = await models.AgendaItem.find({ microProjectId: { $in: underReview.map((project) => project._id) } }, { meetingId: 1, microProjectId: 1 }).lean();
  const onAgenda = new Set(listed.map((item) => `${item.meetingId.toHexString()}/${item.microProjectId!.toHexString()}`));
  for (const project of underReview) {
    if (!project.reviewMeetingId || onAgenda.has(`${project.reviewMeetingId.toHexString()}/${project._id.toHexString()}`)) continue;
    await appendAgendaItem(models, project.reviewMeetingId, { title: project.title, wishId: null, microProjectId: project._id }, now);
  }
}
