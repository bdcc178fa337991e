import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { DEFAULT_VOTE_THRESHOLD } from '../domain/micro-project-rules.ts';
import { UNFINISHED } from '../domain/action-item-rules.ts';
import { ACTION_ITEM_STATUSES } from '../domain/vocabulary.ts';

/**
 * Organisation is owned by organisations; meetings adds what it hosts, owes and (for a community)
 * votes on. Each list is a page (the kit's page size: default 20, at most 100) after a cursor.
 */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  meetings: (organisation, { status, first, after }, { loaders }) =>
    loaders.meetingsOfHost.load({ parentId: organisation.id, question: { status: status ?? null }, first, after }),
  // Overdue: not done, deadline before now.
  actionItems: (organisation, { status, overdue, first, after }, { loaders, clock }) => {
    const wanted = status ? [status] : [...ACTION_ITEM_STATUSES];
    const statuses = overdue ? wanted.filter((candidate) => UNFINISHED.includes(candidate)) : wanted;
    const question = { statuses, deadlineBefore: overdue ? clock.now() : null };
    return loaders.actionItemsOfOrganisation.load({ parentId: organisation.id, question, first, after });
  },
  microProjects: (organisation, { status, first, after }, { loaders }) =>
    loaders.microProjectsOfCommunity.load({ parentId: organisation.id, question: { status: status ?? null }, first, after }),
  microProjectVoteThreshold: async (organisation, _args, { loaders }) =>
    (await loaders.communitySetting.load(organisation.id))?.microProjectVoteThreshold ?? DEFAULT_VOTE_THRESHOLD,
};
