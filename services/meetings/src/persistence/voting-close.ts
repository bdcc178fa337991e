import type { ClientSession, Types } from 'mongoose';
import { recordRequestEvents, type EventDraft } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import type { MeetingDocument } from '../models/meeting.ts';
import { canCloseVoting, outcomeOfVote } from '../domain/micro-project-rules.ts';
import type { MicroProjectVotingResultParent } from '../mappers.ts';
import { settleVoting } from './votes.ts';
import { planReviewMeeting } from './review-meeting.ts';
import { appendAgendaItems } from './agenda.ts';

export interface VotingClose {
  communityId: Types.ObjectId;
  threshold: number;
  now: Date;
  /** The expert review meeting to plan, when some project goes to review (see planReviewMeeting). */
  reviewMeeting: MeetingDocument;
}

/**
 * Within one transaction: reads the community's proposed projects whose voting has opened, moves
 * each by its count (at or above the threshold PRIORITISED, below it to EXPERT_REVIEW), plans the
 * review meeting when any goes there, puts those on its agenda in order of proposal, and records
 * microProject.voteClosed for each project moved. All of it commits or none; a vote that lands
 * meanwhile makes the transaction run again on its count.
 */
export async function closeVoting(models: Models, close: VotingClose, session: ClientSession): Promise<MicroProjectVotingResultParent> {
  const proposed = await models.MicroProject.find({ communityId: close.communityId, status: 'PROPOSED', votingOpensAt: { $lte: close.now } }, MICRO_PROJECT_FIELDS)
    .sort({ createdAt: 1, _id: 1 })
    .session(session)
    .lean<MicroProjectDocument[]>();
  const closing = proposed.filter((project) => canCloseVoting(project, close.now));
  const toReview = closing.filter((project) => outcomeOfVote(project.voteCount, close.threshold) === 'EXPERT_REVIEW');
  const reviewMeeting = toReview.length > 0 ? await planReviewMeeting(models, close.reviewMeeting, session) : null;

  const moved: MicroProjectDocument[] = [];
  for (const project of closing) {
    const settled = await settleVoting(models, project, outcomeOfVote(project.voteCount, close.threshold), reviewMeeting?._id ?? null, session);
    if (settled) moved.push(settled);
  }
  await recordRequestEvents(models.Outbox, session, moved.map(voteClosed), close.now);
  const sentToReview = moved.filter((project) => project.status === 'EXPERT_REVIEW');
  if (reviewMeeting) await appendAgendaItems(models, reviewMeeting._id, await notYetListed(models, reviewMeeting._id, sentToReview, session), close.now, session);
  return { prioritised: moved.filter((project) => project.status === 'PRIORITISED'), sentToReview, reviewMeeting: sentToReview.length > 0 ? reviewMeeting : null };
}

function voteClosed(project: MicroProjectDocument): EventDraft {
  const outcome = project.status === 'PRIORITISED' ? 'PRIORITISED' : 'EXPERT_REVIEW';
  return {
    kind: 'microProject.voteClosed',
    facts: { microProjectId: project._id.toHexString(), communityId: project.communityId.toHexString(), approved: outcome === 'PRIORITISED', outcome, voteCount: project.voteCount },
  };
}

/** The items for projects the meeting does not take up yet (staff may have put one on its agenda by hand). */
async function notYetListed(models: Models, meetingId: Types.ObjectId, projects: readonly MicroProjectDocument[], session: ClientSession) {
  const listed = await models.AgendaItem.find({ meetingId, microProjectId: { $in: projects.map((project) => project._id) } }, { microProjectId: 1 }).session(session).lean();
  const onAgenda = new Set(listed.map((item) => item.microProjectId!.toHexString()));
  return projects.filter((project) => !onAgenda.has(project._id.toHexString())).map((project) => ({ title: project.title, wishId: null, microProjectId: project._id }));
}
