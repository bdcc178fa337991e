import { inTransaction, returnUpdated, uniquely } from '@civic/service-kit';
import { Types, type ClientSession, type QueryFilter } from 'mongoose';
import type { Models } from '../models/index.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import type { outcomeOfVote } from '../domain/micro-project-rules.ts';
import { alreadyVoted, votingClosed } from '../errors.ts';

/**
 * Votes and the close of voting meet on one document, the project, each in a transaction: a vote
 * inserts its vote document and `$inc`s `voteCount` while the project is PROPOSED and its window
 * open; the close moves the project out of PROPOSED on the count it read. Two transactions that
 * write the project at once conflict, and the driver runs the loser again on what the winner
 * left: a vote is counted before the close (and in its outcome) or refused after it.
 */

/** The filter under which a project takes votes at `now` (as isVotingOpen says). */
function takingVotes(now: Date): QueryFilter<MicroProjectDocument> {
  return { status: 'PROPOSED', votingOpensAt: { $lte: now }, votingClosesAt: { $gt: now } };
}

/**
 * Casts the resident's vote and returns the project as counted: the vote document (one per
 * resident, by the unique (microProjectId, residentId) index) and the count, in one transaction.
 */
export async function castVote(models: Models, projectId: Types.ObjectId, residentId: Types.ObjectId, now: Date): Promise<MicroProjectDocument> {
  const vote = { _id: new Types.ObjectId(), microProjectId: projectId, residentId, votedAt: now };
  return uniquely(
    () =>
      inTransaction(models.MicroProject.db, async (session) => {
        await models.MicroProjectVote.create([vote], { session });
        const counted = await models.MicroProject.findOneAndUpdate({ _id: projectId, ...takingVotes(now) }, { $inc: { voteCount: 1 } }, { ...returnUpdated(MICRO_PROJECT_FIELDS), session }).lean<MicroProjectDocument>();
        // Thrown inside the transaction, so that the vote document goes with it.
        if (!counted) throw votingClosed();
        return counted;
      }),
    alreadyVoted,
  );
}

/**
 * Ends a project's voting with the outcome of the count the close read in its transaction:
 * EXPERT_REVIEW in the given meeting, or PRIORITISED. Null when the project is no longer PROPOSED.
 */
export async function settleVoting(
  models: Models,
  project: MicroProjectDocument,
  outcome: ReturnType<typeof outcomeOfVote>,
  reviewMeetingId: Types.ObjectId | null,
  session: ClientSession,
): Promise<MicroProjectDocument | null> {
  const move = outcome === 'EXPERT_REVIEW' ? { status: outcome, reviewMeetingId } : { status: outcome };
  return models.MicroProject.findOneAndUpdate({ _id: project._id, status: 'PROPOSED' }, { $set: move }, { ...returnUpdated(MICRO_PROJECT_FIELDS), session }).lean<MicroProjectDocument>();
}
