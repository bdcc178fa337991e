import { inTransaction, recordRequestEvents, returnUpdated } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { PARTICIPANT_FIELDS, type ParticipantDocument } from '../models/participant.ts';
import type { MeetingDocument } from '../models/meeting.ts';

/**
 * Records whether a participant attended, in one transaction with meeting.attended the first time
 * a resident is marked present: the conditional update on `attendanceAnnounced` lets only one
 * marking announce it, so attendance taken back and given again earns nothing twice. Null when
 * the invitation is gone.
 */
export async function recordAttendance(models: Models, participant: ParticipantDocument, meeting: MeetingDocument, attended: boolean, now: Date): Promise<ParticipantDocument | null> {
  return inTransaction(models.Participant.db, async (session) => {
    const recorded = await models.Participant.findOneAndUpdate({ _id: participant._id }, { $set: { attended } }, { ...returnUpdated(PARTICIPANT_FIELDS), session }).lean<ParticipantDocument>();
    if (!recorded || !attended || !recorded.residentId) return recorded;
    const first = await models.Participant.updateOne({ _id: participant._id, attendanceAnnounced: { $ne: true } }, { $set: { attendanceAnnounced: true } }, { session });
    if (first.modifiedCount === 1) {
      const facts = { meetingId: meeting._id.toHexString(), residentId: recorded.residentId.toHexString(), organisationId: meeting.hostIds[0]!.toHexString() };
      await recordRequestEvents(models.Outbox, session, [{ kind: 'meeting.attended', facts }], now);
    }
    return recorded;
  });
}
