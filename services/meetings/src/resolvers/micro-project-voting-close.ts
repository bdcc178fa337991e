import { Types } from 'mongoose';
import { badUserInput, requireText } from '@civic/service-kit';
import type { CloseMicroProjectVotingInput } from '../generated/resolvers-types.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import type { MeetingDocument } from '../models/meeting.ts';
import { DEFAULT_VOTE_THRESHOLD, REVIEW_MEETING_TITLE, canCloseVoting, outcomeOfVote } from '../domain/micro-project-rules.ts';
import { meetingLevel } from '../domain/meeting-rules.ts';
import { MAX_PLACE_LENGTH } from '../domain/text-limits.ts';
import { insertAgenda } from '../persistence/agenda.ts';
import { signedInSubject } from '../authorisation.ts';
import type { MicroProjectVotingResultParent } from '../parents.ts';
import type { Context } from '../context.ts';
import { RETURN_UPDATED } from './loading.ts';
import { communityToManage } from './community-access.ts';

/**
 * Closes the voting of every proposed project of the community whose voting has opened (early,
 * or at/after its closesAt). Projects at or above the community's threshold are PRIORITISED; the
 * rest go to EXPERT_REVIEW, as agenda items of one expert review meeting made for this close.
 * Each project moves by a conditional update on its PROPOSED status, so two closes at once never
 * move one project twice; the meeting is written only when some project went to review.
 */
export async function closeMicroProjectVoting(context: Context, input: CloseMicroProjectVotingInput): Promise<MicroProjectVotingResultParent> {
  const community = await communityToManage(context, 'communityId', input.communityId, "close this community's micro-project voting");
  const now = context.clock.now();
  if (input.reviewStartsAt.getTime() <= now.getTime()) throw badUserInput('reviewStartsAt', 'must be in the future');
  const reviewPlace = requireText('reviewPlace', input.reviewPlace, { max: MAX_PLACE_LENGTH });
  const level = meetingLevel([community.kinds]);
  if (level === null) throw badUserInput('communityId', 'must be a community within a district');

  const proposed = await context.models.MicroProject.find(
    { communityId: new Types.ObjectId(community.id), status: 'PROPOSED', votingOpensAt: { $lte: now } },
    MICRO_PROJECT_FIELDS,
  )
    .sort({ createdAt: 1, _id: 1 })
    .lean<MicroProjectDocument[]>();
  const closing = proposed.filter((project) => canCloseVoting(project, now));
  const votes = await Promise.all(closing.map((project) => context.loaders.voteCount.load(project._id.toHexString())));
  const threshold = (await context.loaders.communitySetting.load(community.id))?.microProjectVoteThreshold ?? DEFAULT_VOTE_THRESHOLD;

  const reviewMeetingId = new Types.ObjectId();
  const moved = await Promise.all(
    closing.map((project, index) => {
      const outcome = outcomeOfVote(votes[index]!, threshold);
      return context.models.MicroProject.findOneAndUpdate(
        { _id: project._id, status: 'PROPOSED' },
        { $set: { status: outcome, ...(outcome === 'EXPERT_REVIEW' ? { reviewMeetingId } : {}) } },
        RETURN_UPDATED,
      ).lean<MicroProjectDocument>();
    }),
  );
  const done = moved.filter((project): project is MicroProjectDocument => project !== null);
  const prioritised = done.filter((project) => project.status === 'PRIORITISED');
  const sentToReview = done.filter((project) => project.status === 'EXPERT_REVIEW');
  if (sentToReview.length === 0) return { prioritised, sentToReview, reviewMeeting: null };

  const reviewMeeting: MeetingDocument = {
    _id: reviewMeetingId,
    kind: 'EXPERT_REVIEW',
    title: REVIEW_MEETING_TITLE,
    hostIds: [new Types.ObjectId(community.id)],
    hostPaths: community.path.map((id) => new Types.ObjectId(id)),
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
  await context.models.Meeting.create(reviewMeeting);
  await insertAgenda(context.models, reviewMeetingId, sentToReview.map((project) => ({ title: project.title, wishId: null, microProjectId: project._id })), now);
  return { prioritised, sentToReview, reviewMeeting };
}
