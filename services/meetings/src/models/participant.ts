import { Schema, type Connection, type Types } from 'mongoose';
import { INVITATION_REPLIES, PARTICIPANT_ROLES, type InvitationReply, type ParticipantRole } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/** An invitation to a resident or to an organisation: exactly one of the two ids is set. */
export interface ParticipantDocument {
  _id: Types.ObjectId;
  meetingId: Types.ObjectId;
  residentId: Types.ObjectId | null;
  organisationId: Types.ObjectId | null;
  role: ParticipantRole;
  reply: InvitationReply;
  attended: boolean;
  /** A resident's attendance is announced (meeting.attended) once: taken back and given again, it is not announced twice. */
  attendanceAnnounced: boolean;
  invitedAt: Date;
  /** Set when the invited resident closed their account: residentId is then a random id of this record's own. */
  anonymisedAt?: Date;
}

export const PARTICIPANT_FIELDS = { meetingId: 1, residentId: 1, organisationId: 1, role: 1, reply: 1, attended: 1, invitedAt: 1, anonymisedAt: 1 } as const;

const participantSchema = new Schema<ParticipantDocument>(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: Schema.Types.ObjectId, default: null },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    role: { type: String, enum: PARTICIPANT_ROLES, required: true },
    reply: { type: String, enum: INVITATION_REPLIES, required: true },
    attended: { type: Boolean, required: true },
    attendanceAnnounced: { type: Boolean, default: false },
    invitedAt: { type: Date, required: true },
    anonymisedAt: { type: Date },
  },
  collectionOptions('participants'),
);

// Nobody is invited to a meeting twice: each index covers the invitations of its kind of invitee.
participantSchema.index({ meetingId: 1, residentId: 1 }, { unique: true, partialFilterExpression: { residentId: { $type: 'objectId' } } });
participantSchema.index({ meetingId: 1, organisationId: 1 }, { unique: true, partialFilterExpression: { organisationId: { $type: 'objectId' } } });
// Meeting.participants, in order of invitation.
participantSchema.index({ meetingId: 1, invitedAt: 1, _id: 1 });
// Resident.invitations and Resident.attendance.
participantSchema.index({ residentId: 1, invitedAt: -1, _id: -1 });

export function participantModel(connection: Connection) {
  return connection.model<ParticipantDocument>('Participant', participantSchema);
}
