import {
  answerFromCells,
  asGraphAggregate,
  cellsOf,
  chinaMonthKey,
  parseId,
  parseMonthPeriod,
  requireAggregateReader,
  requireSignedIn,
  type Grouping,
  type PersonFact,
} from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { AggregatePeriod, MeetingDimension, QueryResolvers } from '../generated/resolvers-types.ts';
import { MEETING_KINDS } from '../domain/vocabulary.ts';
import { followThroughOf } from '../domain/follow-through.ts';
import type { MeetingDocument } from '../models/meeting.ts';
import type { ActionItemDocument } from '../models/action-item.ts';
import type { AgendaItemDocument } from '../models/agenda-item.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import type { Context } from '../context.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../errors.ts';

const MEETING_MEASURES = ['meetings', 'invitations', 'attendances', 'decisions', 'adopted', 'notAdopted'] as const;
const ACTION_ITEM_MEASURES = ['assigned', 'doneOnTime', 'doneLate', 'overdue'] as const;

type HeldMeeting = Pick<MeetingDocument, '_id' | 'kind' | 'hostIds' | 'hostPaths' | 'startsAt'>;

/** Cells are one lead host, one China month and one meeting kind, whatever the grouping. */
function grouping(by: MeetingDimension, measures: readonly string[]): Grouping {
  if (by === 'ORGANISATION') return { groupOf: (cell) => cell.unit, measures };
  if (by === 'MONTH') return { groupOf: (cell) => cell.month!, measures };
  return { groupOf: (cell) => cell.attributes.kind!, measures, order: MEETING_KINDS };
}

/** A fact in the cell of `meeting`. */
function factOf(meeting: HeldMeeting, person: Types.ObjectId | null, measures: Record<string, number>): PersonFact {
  return { unit: meeting.hostIds[0]!.toHexString(), month: chinaMonthKey(meeting.startsAt), attributes: { kind: meeting.kind }, person: person?.toHexString() ?? null, measures };
}

/**
 * Whether the meeting's lead host, its cell's unit, lies in the subtree of `root`. `hostPaths` is
 * the union of the hosts' paths, the lead's first (root..lead, in order), so the lead's path is its
 * prefix up to the lead: a meeting only co-hosted in the subtree belongs to a cell outside it.
 */
function ledWithin(meeting: HeldMeeting, root: Types.ObjectId): boolean {
  const lead = meeting.hostIds[0]!;
  const leadPath = meeting.hostPaths.slice(0, meeting.hostPaths.findIndex((id) => id.equals(lead)) + 1);
  return leadPath.some((id) => id.equals(root));
}

/** The meetings led within the subtree that started in the period, not cancelled (hostPaths index), once the caller may read them. */
async function meetingsInScope({ graph, viewer, models }: Context, organisationId: string, period: AggregatePeriod): Promise<HeldMeeting[]> {
  requireSignedIn(viewer);
  const id = parseId('organisationId', organisationId);
  const months = parseMonthPeriod('period', period.from, period.to);
  const organisation = await fetchOrganisation(graph, organisationId);
  if (!organisation) throw unknownAggregateOrganisation(organisationId);
  requireAggregateReader(viewer, organisation.path, readAggregateOutOfScope);
  const meetings = await models.Meeting.find(
    { hostPaths: id, startsAt: { $gte: months.start, $lt: months.end }, status: { $ne: 'CANCELLED' } },
    { kind: 1, hostIds: 1, hostPaths: 1, startsAt: 1 },
  ).lean<HeldMeeting[]>();
  return meetings.filter((meeting) => ledWithin(meeting, id));
}

export const meetingAggregateQueries: QueryResolvers = {
  meetingAggregate: async (_parent, { organisationId, period, by }, context) => {
    const meetings = await meetingsInScope(context, organisationId, period);
    const ids = meetings.map((meeting) => meeting._id);
    // Residents' invitations on the partial unique index of (meeting, resident), whose filter this repeats.
    const [invitations, decided] = await Promise.all([
      context.models.Participant.find({ meetingId: { $in: ids }, residentId: { $type: 'objectId' } }, { meetingId: 1, residentId: 1, attended: 1 }).lean<
        { meetingId: Types.ObjectId; residentId: Types.ObjectId; attended: boolean }[]
      >(),
      context.models.AgendaItem.find({ meetingId: { $in: ids }, decision: { $ne: null } }, { meetingId: 1, 'decision.adopted': 1 }).lean<Pick<AgendaItemDocument, 'meetingId' | 'decision'>[]>(),
    ]);
    const byId = new Map(meetings.map((meeting) => [meeting._id.toHexString(), meeting]));
    const meetingOf = (id: Types.ObjectId) => byId.get(id.toHexString())!;
    // A meeting and its decisions describe no resident: they add to the cell's measures, not its persons.
    const facts = [
      ...meetings.map((meeting) => factOf(meeting, null, { meetings: 1 })),
      ...decided.map(({ meetingId, decision }) => factOf(meetingOf(meetingId), null, { decisions: 1, adopted: decision!.adopted ? 1 : 0, notAdopted: decision!.adopted ? 0 : 1 })),
      ...invitations.map((invitation) => factOf(meetingOf(invitation.meetingId), invitation.residentId, { invitations: 1, attendances: invitation.attended ? 1 : 0 })),
    ];
    return asGraphAggregate(answerFromCells(cellsOf(facts), grouping(by, MEETING_MEASURES)));
  },

  actionItemAggregate: async (_parent, { organisationId, period, by }, context) => {
    const meetings = await meetingsInScope(context, organisationId, period);
    const items = await context.models.ActionItem.find(
      { meetingId: { $in: meetings.map((meeting) => meeting._id) } },
      { meetingId: 1, responsibleOrganisationId: 1, status: 1, deadline: 1, completedAt: 1 },
    ).lean<Pick<ActionItemDocument, 'meetingId' | 'responsibleOrganisationId' | 'status' | 'deadline' | 'completedAt'>[]>();
    const byId = new Map(meetings.map((meeting) => [meeting._id.toHexString(), meeting]));
    const now = context.clock.now();
    const facts = items.map((item) => {
      const standing = followThroughOf(item, now);
      const measures = { assigned: 1, doneOnTime: 0, doneLate: 0, overdue: 0, ...(standing === 'pending' ? {} : { [standing]: 1 }) };
      return factOf(byId.get(item.meetingId.toHexString())!, item.responsibleOrganisationId, measures);
    });
    return asGraphAggregate(answerFromCells(cellsOf(facts), grouping(by, ACTION_ITEM_MEASURES)));
  },
};
