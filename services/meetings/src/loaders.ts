import DataLoader from 'dataloader';
import { loaderById, loaderByForeignKey, objectIdsOf, pageLoader, type SortOrder } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { MEETING_FIELDS, type MeetingDocument } from './models/meeting.ts';
import { AGENDA_ITEM_FIELDS } from './models/agenda-item.ts';
import { PARTICIPANT_FIELDS } from './models/participant.ts';
import { ACTION_ITEM_FIELDS, type ActionItemDocument } from './models/action-item.ts';
import { MICRO_PROJECT_FIELDS, type MicroProjectDocument } from './models/micro-project.ts';
import { MICRO_PROJECT_VOTE_FIELDS } from './models/micro-project-vote.ts';
import { COMMUNITY_SETTING_FIELDS } from './models/community-setting.ts';
import type { ActionItemStatus, MeetingStatus, MicroProjectStatus } from './domain/vocabulary.ts';

const LATEST_FIRST: SortOrder = { field: 'startsAt', direction: -1 };
const LATEST_INVITATION_FIRST: SortOrder = { field: 'invitedAt', direction: -1 };
const EARLIEST_DEADLINE_FIRST: SortOrder = { field: 'deadline', direction: 1 };
// The ranking: most votes first, then the earlier proposal (ids grow with time).
const MOST_VOTES_FIRST: SortOrder = { field: 'voteCount', direction: -1, idDirection: 1 };

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer) {
  return {
    meeting: loaderById(models.Meeting, MEETING_FIELDS),
    meetingsOfHost: pageLoader<MeetingDocument, { status: MeetingStatus | null }>(models.Meeting, 'hostIds', {}, LATEST_FIRST, {
      narrowing: ({ status }) => (status ? { status } : {}),
      projection: MEETING_FIELDS,
    }),
    agendaItem: loaderById(models.AgendaItem, AGENDA_ITEM_FIELDS),
    agendaOfMeeting: pageLoader(models.AgendaItem, 'meetingId', {}, { field: 'position', direction: 1 }, { projection: AGENDA_ITEM_FIELDS }),
    agendaItemsOfWish: pageLoader(models.AgendaItem, 'wishId', {}, { field: '_id', direction: -1 }, { projection: { meetingId: 1, wishId: 1 } }),
    participant: loaderById(models.Participant, PARTICIPANT_FIELDS),
    // The whole list counts towards the quorum; the participants field pages it.
    participantsOfMeeting: loaderByForeignKey(models.Participant, 'meetingId', { sort: { invitedAt: 1, _id: 1 }, projection: PARTICIPANT_FIELDS }),
    participantPagesOfMeeting: pageLoader(models.Participant, 'meetingId', {}, { field: 'invitedAt', direction: 1 }, { projection: PARTICIPANT_FIELDS }),
    invitationsOfResident: pageLoader(models.Participant, 'residentId', {}, LATEST_INVITATION_FIRST, { projection: PARTICIPANT_FIELDS }),
    attendanceOfResident: pageLoader(models.Participant, 'residentId', { attended: true }, LATEST_INVITATION_FIRST, { projection: PARTICIPANT_FIELDS }),
    actionItem: loaderById(models.ActionItem, ACTION_ITEM_FIELDS),
    actionItemsOfAgendaItem: pageLoader(models.ActionItem, 'agendaItemId', {}, { field: 'createdAt', direction: 1 }, { projection: ACTION_ITEM_FIELDS }),
    // Overdue narrows to a deadline before now; both narrowings are part of the one aggregate.
    actionItemsOfOrganisation: pageLoader<ActionItemDocument, { statuses: readonly ActionItemStatus[]; deadlineBefore: Date | null }>(
      models.ActionItem,
      'responsibleOrganisationId',
      {},
      EARLIEST_DEADLINE_FIRST,
      {
        narrowing: ({ statuses, deadlineBefore }) => ({ status: { $in: [...statuses] }, ...(deadlineBefore ? { deadline: { $lt: deadlineBefore } } : {}) }),
        projection: ACTION_ITEM_FIELDS,
      },
    ),
    microProject: loaderById(models.MicroProject, MICRO_PROJECT_FIELDS),
    microProjectsOfCommunity: pageLoader<MicroProjectDocument, { status: MicroProjectStatus | null }>(models.MicroProject, 'communityId', {}, MOST_VOTES_FIRST, {
      narrowing: ({ status }) => (status ? { status } : {}),
      projection: MICRO_PROJECT_FIELDS,
    }),
    votesOfResident: pageLoader(models.MicroProjectVote, 'residentId', {}, { field: 'votedAt', direction: -1 }, { projection: MICRO_PROJECT_VOTE_FIELDS }),
    votedByViewer: votedByViewerLoader(models, viewer),
    communitySetting: loaderById(models.CommunitySetting, COMMUNITY_SETTING_FIELDS),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Whether the calling resident voted for each project. */
function votedByViewerLoader(models: Models, viewer: Viewer) {
  return new DataLoader<string, boolean>(async (projectIds) => {
    const [residentId] = objectIdsOf(viewer.residentId ? [viewer.residentId] : []);
    if (!residentId) return projectIds.map(() => false);
    const votes = await models.MicroProjectVote.find({ microProjectId: { $in: objectIdsOf(projectIds) }, residentId }, { microProjectId: 1 }).lean();
    const voted = new Set(votes.map((vote) => vote.microProjectId.toHexString()));
    return projectIds.map((id) => voted.has(id));
  });
}
