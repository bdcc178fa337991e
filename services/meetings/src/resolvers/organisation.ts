import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { DEFAULT_VOTE_THRESHOLD, rankByVotes } from '../domain/micro-project-rules.ts';
import { UNFINISHED } from '../domain/action-item-rules.ts';
import { ACTION_ITEM_STATUSES } from '../domain/vocabulary.ts';

/** Organisation is owned by organisations; meetings adds what it hosts, owes and (for a community) votes on. */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  meetings: async (organisation, { status }, { loaders }) => {
    const meetings = await loaders.meetingsOfHost.load(organisation.id);
    return status ? meetings.filter((meeting) => meeting.status === status) : meetings;
  },
  // Overdue: not done, deadline before now; both narrowings are part of the one indexed query.
  actionItems: (organisation, { status, overdue }, { loaders, clock }) => {
    const wanted = status ? [status] : [...ACTION_ITEM_STATUSES];
    const statuses = overdue ? wanted.filter((candidate) => UNFINISHED.includes(candidate)) : wanted;
    return loaders.actionItemsOfOrganisation.load({ organisationId: organisation.id, statuses, deadlineBefore: overdue ? clock.now() : null });
  },
  microProjects: async (organisation, { status }, { loaders }) => {
    const projects = (await loaders.microProjectsOfCommunity.load(organisation.id)).filter((project) => !status || project.status === status);
    const votes = await loaders.voteCount.loadMany(projects.map((project) => project._id.toHexString()));
    const ranked = rankByVotes(projects.map((project, index) => ({ project, id: project._id.toHexString(), createdAt: project.createdAt, votes: Number(votes[index]) })));
    return ranked.map((entry) => entry.project);
  },
  microProjectVoteThreshold: async (organisation, _args, { loaders }) =>
    (await loaders.communitySetting.load(organisation.id))?.microProjectVoteThreshold ?? DEFAULT_VOTE_THRESHOLD,
};
