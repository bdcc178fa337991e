import { idOf, loadReferenced } from '@civic/service-kit';
import type { AgendaItemResolvers, DecisionResolvers } from '../generated/resolvers-types.ts';

export const AgendaItem: AgendaItemResolvers = {
  id: idOf,
  meeting: (item, _args, { loaders }) => loadReferenced(loaders.meeting, item.meetingId, 'Meeting'),
  wish: (item) => (item.wishId ? { id: item.wishId.toHexString() } : null),
  microProject: (item, _args, { loaders }) => (item.microProjectId ? loaders.microProject.load(item.microProjectId.toHexString()) : null),
  actionItems: (item, { first, after }, { loaders }) => loaders.actionItemsOfAgendaItem.load({ parentId: idOf(item), first, after }),
};

export const Decision: DecisionResolvers = {
  votes: (decision) => decision.votes ?? null,
  microProjectOutcome: (decision) => decision.microProjectOutcome ?? null,
};
