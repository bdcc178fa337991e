import { Types } from 'mongoose';
import { inTransaction, invalidTransition, parseId, recordRequestEvents, requireSignedIn, requireText, returnUpdated, loadReferenced, loadTarget, signedInSubject, staffCovers, sweepSubtree, toObjectIds, unknownId, invalidInput } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { ACTION_ITEM_FIELDS, type ActionItemDocument } from '../models/action-item.ts';
import { deadlineError, progressSources } from '../domain/action-item-rules.ts';
import { MAX_NOTE_LENGTH } from '../domain/text-limits.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { runsMeeting, SWEEP_REFUSALS } from '../authorisation.ts';
import { sweepActionItems } from '../jobs/action-item-sweep.ts';
import { parentMeetingToRun } from './meeting-access.ts';
import { assignActionItemOutOfScope, progressStatusInvalid, reportProgressOutOfScope } from '../errors.ts';

export const actionItemQueries: QueryResolvers = {
  actionItem: (_parent, { id }, { loaders }) => loaders.actionItem.load(id),
};

export const actionItemMutations: MutationResolvers = {
  assignActionItem: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    const item = await loadTarget(context.loaders.agendaItem, input.agendaItemId, 'AgendaItem');
    const meeting = await parentMeetingToRun(context, item.meetingId, assignActionItemOutOfScope);
    if (!item.decision) throw invalidTransition('AgendaItem', 'UNDECIDED', 'take action items before its decision is recorded');
    const description = requireText('description', input.description, { max: MAX_NOTE_LENGTH });
    const now = context.clock.now();
    const lateness = deadlineError(input.deadline, now);
    if (lateness) throw invalidInput(lateness);
    parseId('responsibleOrganisationId', input.responsibleOrganisationId);
    const responsible = await fetchOrganisation(context.graph, input.responsibleOrganisationId);
    if (!responsible) throw unknownId('responsibleOrganisationId', 'organisation');

    const document: ActionItemDocument = {
      _id: new Types.ObjectId(),
      meetingId: meeting._id,
      agendaItemId: item._id,
      description,
      responsibleOrganisationId: new Types.ObjectId(responsible.id),
      responsiblePath: toObjectIds(responsible.path),
      deadline: input.deadline,
      status: 'OPEN',
      progress: [],
      completedAt: null,
      overdueNoticeAt: input.deadline,
      createdAt: now,
    };
    const facts = {
      actionItemId: document._id.toHexString(),
      meetingId: meeting._id.toHexString(),
      assignee: { type: 'Organisation' as const, id: responsible.id },
      dueAt: document.deadline.toISOString(),
    };
    await inTransaction(context.models.ActionItem.db, async (session) => {
      await context.models.ActionItem.create([document], { session });
      await recordRequestEvents(context.models.Outbox, session, [{ kind: 'actionItem.assigned', facts }], now);
    });
    return document;
  },

  runActionItemSweep: async (_parent, { at, organisationId }, { viewer, graph, models, clock }) => {
    const subtree = await sweepSubtree(viewer, organisationId, async (id) => (await fetchOrganisation(graph, id))?.path ?? null, SWEEP_REFUSALS);
    return sweepActionItems(models, at ?? clock.now(), subtree);
  },

  reportActionItemProgress: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    const item = await loadTarget(context.loaders.actionItem, input.actionItemId, 'ActionItem');
    const meeting = await loadReferenced(context.loaders.meeting, item.meetingId, 'Meeting');
    if (!staffCovers(context.viewer, item.responsiblePath) && !runsMeeting(context.viewer, meeting)) throw reportProgressOutOfScope();
    const note = requireText('note', input.note, { max: MAX_NOTE_LENGTH });
    const from = progressSources(input.status);
    if (from.length === 0) throw progressStatusInvalid();
    const now = context.clock.now();
    // The allowed statuses sit in the filter: a done item stays done whatever arrives at once.
    const updated = await context.models.ActionItem.findOneAndUpdate(
      { _id: item._id, status: { $in: from } },
      {
        // A done item is no longer overdue: the sweep has nothing left to tell about it.
        $set: { status: input.status, ...(input.status === 'DONE' ? { completedAt: now, overdueNoticeAt: null } : {}) },
        $push: { progress: { note, status: input.status, reportedAt: now, reportedBy: signedInSubject(context.viewer) } },
      },
      returnUpdated(ACTION_ITEM_FIELDS),
    ).lean<ActionItemDocument>();
    if (!updated) throw invalidTransition('ActionItem', item.status, `move to ${input.status}`);
    return updated;
  },
};
