import { idOf, loadReferenced } from '@civic/service-kit';
import type { ActionItemResolvers } from '../generated/resolvers-types.ts';
import { isOverdue } from '../domain/action-item-rules.ts';

/** Action items are public follow-up (限期办结): anyone may see who owes what by when. */
export const ActionItem: ActionItemResolvers = {
  id: idOf,
  agendaItem: (item, _args, { loaders }) => loadReferenced(loaders.agendaItem, item.agendaItemId, 'AgendaItem'),
  meeting: (item, _args, { loaders }) => loadReferenced(loaders.meeting, item.meetingId, 'Meeting'),
  responsibleOrganisation: (item) => ({ id: item.responsibleOrganisationId.toHexString() }),
  overdue: (item, _args, { clock }) => isOverdue(item, clock.now()),
};
