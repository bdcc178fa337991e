import { returnUpdated, uniquely } from '@civic/service-kit';
import { Types, type QueryFilter } from 'mongoose';
import type { Models } from '../models/index.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import { outcomeOfVote } from '../domain/micro-project-rules.ts';
import { votingNotOpen } from '../errors.ts';

/**
 * Votes and the close of voting meet on one document, the project: a vote counts by a conditional
 * `$inc` of `voteCount` while the project is PROPOSED and its window open, and the close moves the
 * project out of PROPOSED by a conditional update on that same count. Each is atomic, so every
 * vote is either counted before the move (and in the decision) or refused after it.
 */

/** The filter under which a project takes votes at `now` (as isVotingOpen says). */
function takingVotes(now: Date): QueryFilter<MicroProjectDocument> {
  return { status: 'PROPOSED', votingOpensAt: { $lte: now }, votingClosesAt: { $gt: now } };
}

/**
 * Casts the resident's vote and returns the project as counted. The unique (microProjectId,
 * residentId) index allows one vote per resident; a vote the count then refuses (the window closed
 * meanwhile) is taken back, so no vote document stays uncounted.
 */
export async function castVote(models: Models, projectId: Types.ObjectId, residentId: Types.ObjectId, now: Date): Promise<MicroProjectDocument> {
  const vote = { _id: new Types.ObjectId(), microProjectId: projectId, residentId, votedAt: now };
  await uniquely(() => models.MicroProjectVote.create(vote), 'You have already voted for this micro-project');
  const counted = await models.MicroProject.findOneAndUpdate({ _id: projectId, ...takingVotes(now) }, { $inc: { voteCount: 1 } }, returnUpdated(MICRO_PROJECT_FIELDS)).lean<MicroProjectDocument>();
  if (counted) return counted;
  await models.MicroProjectVote.deleteOne({ _id: vote._id });
  throw votingNotOpen('Voting on this micro-project has closed');
}

/**
 * Ends a project's voting by its count: PRIORITISED at or above the threshold, else EXPERT_REVIEW
 * in the given meeting. The count sits in each update's filter; votes only add while the project
 * is PROPOSED, so one that misses the review filter has reached the threshold and takes the other.
 * Null when another close moved the project first (or it is below the threshold and no meeting is given).
 */
export async function settleVoting(models: Models, project: MicroProjectDocument, threshold: number, reviewMeetingId: Types.ObjectId | null): Promise<MicroProjectDocument | null> {
  if (reviewMeetingId && outcomeOfVote(project.voteCount, threshold) === 'EXPERT_REVIEW') {
    const reviewed = await models.MicroProject.findOneAndUpdate(
      { _id: project._id, status: 'PROPOSED', voteCount: { $lt: threshold } },
      { $set: { status: 'EXPERT_REVIEW', reviewMeetingId } },
      returnUpdated(MICRO_PROJECT_FIELDS),
    ).lean<MicroProjectDocument>();
    if (reviewed) return reviewed;
  }
  return models.MicroProject.findOneAndUpdate(
    { _id: project._id, status: 'PROPOSED', voteCount: { $gte: threshold } },
    { $set: { status: 'PRIORITISED' } },
    returnUpdated(MICRO_PROJECT_FIELDS),
  ).lean<MicroProjectDocument>();
}
