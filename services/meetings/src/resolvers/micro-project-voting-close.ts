import { Types } from 'mongoose';
import { badUserInput, requireText, signedInSubject } from '@civic/service-kit';
import type { CloseMicroProjectVotingInput } from '../generated/resolvers-types.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import { DEFAULT_VOTE_THRESHOLD, REVIEW_MEETING_TITLE, canCloseVoting, outcomeOfVote } from '../domain/micro-project-rules.ts';
import { meetingLevel } from '../domain/meeting-rules.ts';
import { MAX_PLACE_LENGTH } from '../domain/text-limits.ts';
import { settleVoting } from '../persistence/votes.ts';
import { completeReviewAgendas, planReviewMeeting, reviewMeetingId, withdrawUnusedReviewMeeting } from '../persistence/review-meeting.ts';
import type { MicroProjectVotingResultParent } from '../parents.ts';
import type { Context } from '../context.ts';
import { communityToManage } from './community-access.ts';

/**
 * Closes the voting of every proposed project of the community whose voting has opened (early,
 * or at/after its closesAt). Projects at or above the community's threshold are PRIORITISED; the
 * rest go to EXPERT_REVIEW, as agenda items of one expert review meeting.
 *
 * The order makes any interruption harmless: the review meeting is written first, so a project
 * never points at a meeting that does not exist; each project then moves by one conditional update
 * on its PROPOSED status and its exact vote count (two closes never move one project twice, and
 * a vote is counted in the outcome or refused); last, every project under review of the community
 * gets its agenda item, including any a crashed close left without one. Running the close again
 * completes what a crash left.
 */
export async function closeMicroProjectVoting(context: Context, input: CloseMicroProjectVotingInput): Promise<MicroProjectVotingResultParent> {
  const community = await communityToManage(context, 'communityId', input.communityId, "close this community's micro-project voting");
  const now = context.clock.now();
  if (input.reviewStartsAt.getTime() <= now.getTime()) throw badUserInput('reviewStartsAt', 'must be in the future');
  const reviewPlace = requireText('reviewPlace', input.reviewPlace, { max: MAX_PLACE_LENGTH });
  const level = meetingLevel([community.kinds]);
  if (level === null) throw badUserInput('communityId', 'must be a community within a district');
  const communityId = new Types.ObjectId(community.id);

  const proposed = await context.models.MicroProject.find({ communityId, status: 'PROPOSED', votingOpensAt: { $lte: now } }, MICRO_PROJECT_FIELDS)
    .sort({ createdAt: 1, _id: 1 })
    .lean<MicroProjectDocument[]>();
  const closing = proposed.filter((project) => canCloseVoting(project, now));
  const threshold = (await context.loaders.communitySetting.load(community.id))?.microProjectVoteThreshold ?? DEFAULT_VOTE_THRESHOLD;

  const needsReview = closing.some((project) => outcomeOfVote(project.voteCount, threshold) === 'EXPERT_REVIEW');
  const reviewMeeting = needsReview
    ? await planReviewMeeting(context.models, {
        _id: reviewMeetingId(community.id, input.reviewStartsAt),
        kind: 'EXPERT_REVIEW',
        title: REVIEW_MEETING_TITLE,
        hostIds: [communityId],
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
      })
    : null;

  const moved = await Promise.all(closing.map((project) => settleVoting(context.models, project, threshold, reviewMeeting?._id ?? null)));
  const done = moved.filter((project): project is MicroProjectDocument => project !== null);
  const prioritised = done.filter((project) => project.status === 'PRIORITISED');
  const sentToReview = done.filter((project) => project.status === 'EXPERT_REVIEW');
  await completeReviewAgendas(context.models, communityId, now);
  if (reviewMeeting && sentToReview.length === 0) await withdrawUnusedReviewMeeting(context.models, reviewMeeting._id);
  return { prioritised, sentToReview, reviewMeeting: sentToReview.length > 0 ? reviewMeeting : null };
}
