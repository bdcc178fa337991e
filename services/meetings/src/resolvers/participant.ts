import { idOf, loadReferenced, readsAsAnalyst } from '@civic/service-kit';
import type { ParticipantResolvers } from '../generated/resolvers-types.ts';

export const Participant: ParticipantResolvers = {
  id: idOf,
  meeting: (participant, _args, { loaders }) => loadReferenced(loaders.meeting, participant.meetingId, 'Meeting'),
  // Analysts read no row about a person, nor who a row is about; a closed account is no one.
  resident: (participant, _args, { viewer }) =>
    participant.residentId && !participant.anonymisedAt && !readsAsAnalyst(viewer) ? { id: participant.residentId.toHexString() } : null,
  organisation: (participant) => (participant.organisationId ? { id: participant.organisationId.toHexString() } : null),
};
