import { idOf } from '@civic/service-kit';
import type { MicroProjectResolvers } from '../generated/resolvers-types.ts';
import { isVotingOpen } from '../domain/micro-project-rules.ts';

/** Micro-projects and their vote counts are public; viewerVoted speaks only of the caller. */
export const MicroProject: MicroProjectResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.microProject.load(reference.id),
  id: idOf,
  community: (project) => ({ id: project.communityId.toHexString() }),
  votingOpen: (project, _args, { clock }) => isVotingOpen(project, clock.now()),
  votes: (project) => project.voteCount,
  viewerVoted: (project, _args, { loaders }) => loaders.votedByViewer.load(idOf(project)),
  reviewMeeting: (project, _args, { loaders }) => (project.reviewMeetingId ? loaders.meeting.load(project.reviewMeetingId.toHexString()) : null),
};
