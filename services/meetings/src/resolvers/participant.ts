import { idOf, loadReferenced } from '@civic/service-kit';
import type { ParticipantResolvers } from '../generated/resolvers-types.ts';

export const Participant: ParticipantResolvers = {
  id: idOf,
  meeting: (participant, _args, { loaders }) => loadReferenced(loaders.meeting, participant.meetingId, 'Meeting'),
  resident: (participant) => (participant.residentId && !participant.anonymisedAt ? { id: participant.residentId.toHexString() } : null),
  organisation: (participant) => (participant.organisationId ? { id: participant.organisationId.toHexString() } : null),
};
