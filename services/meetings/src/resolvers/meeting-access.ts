import { invalidTransition, requireSignedIn, loadReferenced, loadTarget, type Refusal } from '@civic/service-kit';
import type { Context } from '../context.ts';
import type { MeetingDocument } from '../models/meeting.ts';
import type { MeetingStatus } from '../domain/vocabulary.ts';
import type { ParticipantDocument } from '../models/participant.ts';
import { evaluateQuorum, type QuorumState } from '../domain/quorum.ts';
import { requireMeetingRunner } from '../authorisation.ts';

/** The meeting an operation runs, after checking the caller is staff over one of its hosts. */
export async function meetingToRun(context: Context, meetingId: string, refusal: Refusal): Promise<MeetingDocument> {
  requireSignedIn(context.viewer);
  const meeting = await loadTarget(context.loaders.meeting, meetingId, 'Meeting');
  requireMeetingRunner(context.viewer, meeting, refusal);
  return meeting;
}

/** The meeting of an agenda item or participant, checked the same way. */
export async function parentMeetingToRun(context: Context, meetingId: MeetingDocument['_id'], refusal: Refusal): Promise<MeetingDocument> {
  const meeting = await loadReferenced(context.loaders.meeting, meetingId, 'Meeting');
  requireMeetingRunner(context.viewer, meeting, refusal);
  return meeting;
}

/** Refuses a step the meeting's status does not allow. */
export function requireMeetingStatus(meeting: MeetingDocument, allowed: (status: MeetingStatus) => boolean, action: string): void {
  if (!allowed(meeting.status)) throw invalidTransition('Meeting', meeting.status, action);
}

/** The meeting's quorum, from its participants as they stand. */
export function quorumOf(meeting: MeetingDocument, participants: readonly ParticipantDocument[]): QuorumState {
  const counted = participants.map((participant) => ({
    role: participant.role,
    organisationId: participant.organisationId?.toHexString() ?? null,
    attended: participant.attended,
  }));
  return evaluateQuorum(meeting.kind, counted, meeting.hostIds.map((id) => id.toHexString()));
}
