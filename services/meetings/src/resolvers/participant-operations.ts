import { Types } from 'mongoose';
import { parseId, requireSignedIn, returnUpdated, loadReferenced, loadTarget, uniquely, unknownId, invalidInput } from '@civic/service-kit';
import type { InviteParticipantInput, MutationResolvers } from '../generated/resolvers-types.ts';
import { PARTICIPANT_FIELDS, type ParticipantDocument } from '../models/participant.ts';
import { acceptsAttendance, acceptsPreparation, acceptsReplies } from '../domain/meeting-rules.ts';
import { roleError } from '../domain/participant-rules.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { fetchResident } from '../graph/residents.ts';
import { runsMeeting } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { recordAttendance } from '../persistence/attendance.ts';
import { meetingToRun, parentMeetingToRun, requireMeetingStatus } from './meeting-access.ts';
import { alreadyInvited, invitationGone, inviteeNotExactlyOne, inviteOutOfScope, replyForAnother, replyNotAnAnswer, takeAttendanceOutOfScope } from '../errors.ts';

export const participantMutations: MutationResolvers = {
  inviteParticipant: async (_parent, { input }, context) => {
    const meeting = await meetingToRun(context, input.meetingId, inviteOutOfScope);
    requireMeetingStatus(meeting, acceptsPreparation, 'take invitations');
    const invitee = await inviteeOf(context, input);
    const document: ParticipantDocument = {
      _id: new Types.ObjectId(),
      meetingId: meeting._id,
      ...invitee,
      role: input.role,
      reply: 'PENDING',
      attended: false,
      attendanceAnnounced: false,
      invitedAt: context.clock.now(),
    };
    await uniquely(() => context.models.Participant.create(document), alreadyInvited);
    return document;
  },

  replyToInvitation: async (_parent, { participantId, reply }, context) => {
    requireSignedIn(context.viewer);
    const participant = await loadTarget(context.loaders.participant, participantId, 'Participant');
    const meeting = await loadReferenced(context.loaders.meeting, participant.meetingId, 'Meeting');
    // A resident answers for themself; an organisation's answer is recorded by the hosts' staff.
    const own = participant.residentId !== null && participant.residentId.toHexString() === context.viewer.residentId;
    if (!own && !(participant.organisationId !== null && runsMeeting(context.viewer, meeting))) throw replyForAnother();
    requireMeetingStatus(meeting, acceptsReplies, 'take replies');
    if (reply === 'PENDING') throw replyNotAnAnswer();
    return updateParticipant(context, participant._id, { reply });
  },

  recordAttendance: async (_parent, { participantId, attended }, context) => {
    requireSignedIn(context.viewer);
    const participant = await loadTarget(context.loaders.participant, participantId, 'Participant');
    const meeting = await parentMeetingToRun(context, participant.meetingId, takeAttendanceOutOfScope);
    requireMeetingStatus(meeting, acceptsAttendance, 'take attendance');
    const recorded = await recordAttendance(context.models, participant, meeting, attended, context.clock.now());
    if (!recorded) throw invitationGone();
    return recorded;
  },
};

async function updateParticipant(context: Context, id: Types.ObjectId, changes: Partial<Pick<ParticipantDocument, 'reply' | 'attended'>>): Promise<ParticipantDocument> {
  const updated = await context.models.Participant.findOneAndUpdate({ _id: id }, { $set: changes }, returnUpdated(PARTICIPANT_FIELDS)).lean<ParticipantDocument>();
  if (!updated) throw invitationGone();
  return updated;
}

/** Exactly one invitee, known to its department, fit for the role. */
async function inviteeOf(context: Context, input: InviteParticipantInput): Promise<Pick<ParticipantDocument, 'residentId' | 'organisationId'>> {
  if (Boolean(input.residentId) === Boolean(input.organisationId)) throw inviteeNotExactlyOne();
  if (input.residentId) {
    const residentId = parseId('residentId', input.residentId);
    const misfit = roleError(input.role, null);
    if (misfit) throw invalidInput(misfit);
    if (!(await fetchResident(context.graph, input.residentId))) throw unknownId('residentId', 'resident');
    return { residentId, organisationId: null };
  }
  const organisationId = parseId('organisationId', input.organisationId!);
  const organisation = await fetchOrganisation(context.graph, input.organisationId!);
  if (!organisation) throw unknownId('organisationId', 'organisation');
  const misfit = roleError(input.role, organisation.kind);
  if (misfit) throw invalidInput(misfit);
  return { residentId: null, organisationId };
}
