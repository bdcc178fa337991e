import { Types } from 'mongoose';
import { inTransaction, requireText, signedInSubject, toObjectIds } from '@civic/service-kit';
import type { CloseMicroProjectVotingInput } from '../generated/resolvers-types.ts';
import type { MeetingDocument } from '../models/meeting.ts';
import { DEFAULT_VOTE_THRESHOLD, REVIEW_MEETING_TITLE } from '../domain/micro-project-rules.ts';
import { meetingLevel } from '../domain/meeting-rules.ts';
import { MAX_PLACE_LENGTH } from '../domain/text-limits.ts';
import { reviewMeetingId } from '../persistence/review-meeting.ts';
import { closeVoting } from '../persistence/voting-close.ts';
import type { MicroProjectVotingResultParent } from '../mappers.ts';
import type { Context } from '../context.ts';
import { communityToManage } from './community-access.ts';
import { closeVotingOutOfScope, communityOutsideDistrict, reviewInThePast } from '../errors.ts';

/**
 * Closes the voting of every proposed project of the community whose voting has opened (early,
 * or at/after its closesAt): one transaction (persistence/voting-close.ts). Projects at or above
 * the community's threshold are PRIORITISED; the rest go to EXPERT_REVIEW, as agenda items of one
 * expert review meeting.
 */
export async function closeMicroProjectVoting(context: Context, input: CloseMicroProjectVotingInput): Promise<MicroProjectVotingResultParent> {
  const community = await communityToManage(context, 'communityId', input.communityId, closeVotingOutOfScope);
  const now = context.clock.now();
  if (input.reviewStartsAt.getTime() <= now.getTime()) throw reviewInThePast();
  const reviewPlace = requireText('reviewPlace', input.reviewPlace, { max: MAX_PLACE_LENGTH });
  const level = meetingLevel([community.kinds]);
  if (level === null) throw communityOutsideDistrict();
  const communityId = new Types.ObjectId(community.id);
  const threshold = (await context.loaders.communitySetting.load(community.id))?.microProjectVoteThreshold ?? DEFAULT_VOTE_THRESHOLD;
  const reviewMeeting: MeetingDocument = {
    _id: reviewMeetingId(community.id, input.reviewStartsAt),
    kind: 'EXPERT_REVIEW',
    title: REVIEW_MEETING_TITLE,
    hostIds: [communityId],
    hostPaths: toObjectIds(community.path),
    level,
    startsAt: input.reviewStartsAt,
    place: reviewPlace,
    onlineUrl: null,
    status: 'PLANNED',
    openedAt: null,
    closedAt: null,
    createdAt: now,
    createdBy: signedInSubject(context.viewer),
  };
  return inTransaction(context.models.MicroProject.db, (session) => closeVoting(context.models, { communityId, threshold, now, reviewMeeting }, session));
}
