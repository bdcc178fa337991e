import { Types } from 'mongoose';
import { invalidTransition, requireIntInRange, requireSignedIn, requireStaffCovering, requireText, returnUpdated, loadTarget, requireResident, toObjectIds, invalidInput } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from '../models/micro-project.ts';
import { MAX_VOTE_THRESHOLD, MICRO_PROJECT_STEPS, costError, voteRefusal, votingWindowError } from '../domain/micro-project-rules.ts';
import { MAX_NOTE_LENGTH, MAX_TITLE_LENGTH } from '../domain/text-limits.ts';
import { fetchResident } from '../graph/residents.ts';
import { proposeMicroProjectOutOfScope, setVoteThresholdOutOfScope, stepMicroProjectOutOfScope, voteInAnotherCommunity, voteWithoutResidency, votingClosed, votingNotYetOpen } from '../errors.ts';
import { castVote } from '../persistence/votes.ts';
import type { Context } from '../context.ts';
import { communityToManage } from './community-access.ts';
import { closeMicroProjectVoting } from './micro-project-voting-close.ts';

export const microProjectQueries: QueryResolvers = {
  microProject: (_parent, { id }, { loaders }) => loaders.microProject.load(id),
};

export const microProjectMutations: MutationResolvers = {
  proposeMicroProject: async (_parent, { input }, context) => {
    const community = await communityToManage(context, 'communityId', input.communityId, proposeMicroProjectOutOfScope);
    const title = requireText('title', input.title, { max: MAX_TITLE_LENGTH });
    const description = requireText('description', input.description, { max: MAX_NOTE_LENGTH });
    const badCost = costError('estimatedCost', input.estimatedCost);
    if (badCost) throw invalidInput(badCost);
    const now = context.clock.now();
    const window = votingWindowError(input, now);
    if (window) throw invalidInput(window);
    const document: MicroProjectDocument = {
      _id: new Types.ObjectId(),
      communityId: new Types.ObjectId(community.id),
      communityPath: toObjectIds(community.path),
      title,
      description,
      estimatedCost: input.estimatedCost,
      actualCost: null,
      votingOpensAt: input.votingOpensAt,
      votingClosesAt: input.votingClosesAt,
      status: 'PROPOSED',
      voteCount: 0,
      reviewMeetingId: null,
      createdAt: now,
    };
    await context.models.MicroProject.create(document);
    return document;
  },

  voteForMicroProject: async (_parent, { microProjectId }, context) => {
    const residentId = requireResident(context.viewer, voteWithoutResidency);
    const project = await loadTarget(context.loaders.microProject, microProjectId, 'MicroProject');
    const refusal = voteRefusal(project, context.clock.now());
    if (refusal) throw refusal === 'CLOSED' ? votingClosed() : votingNotYetOpen();
    // Where the resident lives is the residents department's answer, asked at vote time.
    const resident = await fetchResident(context.graph, residentId.toHexString());
    if (resident?.community?.id !== project.communityId.toHexString()) throw voteInAnotherCommunity();
    const counted = await castVote(context.models, project._id, residentId, context.clock.now());
    return counted;
  },

  setMicroProjectVoteThreshold: async (_parent, { communityId, threshold }, context) => {
    const community = await communityToManage(context, 'communityId', communityId, setVoteThresholdOutOfScope);
    const votes = requireIntInRange('threshold', threshold, 1, MAX_VOTE_THRESHOLD);
    await context.models.CommunitySetting.updateOne(
      { _id: new Types.ObjectId(community.id) },
      { $set: { microProjectVoteThreshold: votes, updatedAt: context.clock.now() } },
      { upsert: true },
    );
    return votes;
  },

  closeMicroProjectVoting: (_parent, { input }, context) => closeMicroProjectVoting(context, input),

  startMicroProject: (_parent, { id }, context) => stepProject(context, id, 'start', {}),

  completeMicroProject: (_parent, { id, actualCost }, context) => {
    const badCost = costError('actualCost', actualCost);
    if (badCost) throw invalidInput(badCost);
    return stepProject(context, id, 'complete', { actualCost });
  },
};

/** Starts or completes a project: the allowed statuses sit in the update's filter. */
async function stepProject(context: Context, id: string, step: 'start' | 'complete', changes: Partial<MicroProjectDocument>): Promise<MicroProjectDocument> {
  requireSignedIn(context.viewer);
  const project = await loadTarget(context.loaders.microProject, id, 'MicroProject');
  requireStaffCovering(context.viewer, project.communityPath, () => stepMicroProjectOutOfScope(step));
  const { from, to } = MICRO_PROJECT_STEPS[step];
  if (!(from as readonly string[]).includes(project.status)) throw invalidTransition('MicroProject', project.status, step);
  const stepped = await context.models.MicroProject.findOneAndUpdate(
    { _id: project._id, status: { $in: from } },
    { $set: { status: to, ...changes } },
    returnUpdated(MICRO_PROJECT_FIELDS),
  ).lean<MicroProjectDocument>();
  if (!stepped) throw invalidTransition('MicroProject', to, step);
  return stepped;
}
