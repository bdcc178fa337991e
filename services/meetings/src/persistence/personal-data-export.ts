import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';

/** The meetings department's part of a resident's data export: their invitations (reply, attendance) and micro-project votes. */
export async function meetingsPartOf(models: Models, residentId: Types.ObjectId): Promise<Record<string, unknown>> {
  const [invitations, votes] = await Promise.all([
    models.Participant.find({ residentId }).sort({ invitedAt: 1, _id: 1 }).lean(),
    models.MicroProjectVote.find({ residentId }).sort({ votedAt: 1, _id: 1 }).lean(),
  ]);
  return {
    invitations: invitations.map((invitation) => ({
      id: invitation._id.toHexString(),
      meetingId: invitation.meetingId.toHexString(),
      role: invitation.role,
      reply: invitation.reply,
      attended: invitation.attended,
      invitedAt: invitation.invitedAt,
    })),
    microProjectVotes: votes.map((vote) => ({ id: vote._id.toHexString(), microProjectId: vote.microProjectId.toHexString(), votedAt: vote.votedAt })),
  };
}
