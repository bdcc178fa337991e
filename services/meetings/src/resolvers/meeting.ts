import { idOf, requireSignedIn, hexIds } from '@civic/service-kit';
import type { MeetingResolvers } from '../generated/resolvers-types.ts';
import { quorumOf } from './meeting-access.ts';

/** Meetings are public community affairs; only the participant list needs a signed-in caller. */
export const Meeting: MeetingResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.meeting.load(reference.id),
  id: idOf,
  hosts: (meeting) => hexIds(meeting.hostIds).map((id) => ({ id })),
  agenda: (meeting, { first, after }, { loaders }) => loaders.agendaOfMeeting.load({ parentId: idOf(meeting), first, after }),
  participants: (meeting, { first, after }, { loaders, viewer }) => {
    requireSignedIn(viewer);
    return loaders.participantPagesOfMeeting.load({ parentId: idOf(meeting), first, after });
  },
  quorum: async (meeting, _args, { loaders }) => quorumOf(meeting, await loaders.participantsOfMeeting.load(idOf(meeting))),
};
