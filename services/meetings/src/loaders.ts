import DataLoader from 'dataloader';
import { loaderById, loaderByForeignKey, objectIdsOf, ownedListLoader } from '@civic/service-kit';
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

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer) {
  return {
    meeting: loaderById(models.Meeting, MEETING_FIELDS),
    meetingsOfHost: ownedListLoader<MeetingDocument, { status: MeetingStatus | null }>(models.Meeting, 'hostIds', {
      filter: ({ status }) => (status ? { status } : {}),
      sort: { startsAt: -1, _id: -1 },
      projection: MEETING_FIELDS,
    }),
    agendaItem: loaderById(models.AgendaItem, AGENDA_ITEM_FIELDS),
    agendaOfMeeting: loaderByForeignKey(models.AgendaItem, 'meetingId', { sort: { position: 1 }, projection: AGENDA_ITEM_FIELDS }),
    agendaItemsOfWish: loaderByForeignKey(models.AgendaItem, 'wishId', { projection: { meetingId: 1, wishId: 1 } }),
    participant: loaderById(models.Participant, PARTICIPANT_FIELDS),
    participantsOfMeeting: loaderByForeignKey(models.Participant, 'meetingId', { sort: { invitedAt: 1, _id: 1 }, projection: PARTICIPANT_FIELDS }),
    invitationsOfResident: loaderByForeignKey(models.Participant, 'residentId', { sort: { invitedAt: -1, _id: -1 }, projection: PARTICIPANT_FIELDS }),
    actionItem: loaderById(models.ActionItem, ACTION_ITEM_FIELDS),
    actionItemsOfAgendaItem: loaderByForeignKey(models.ActionItem, 'agendaItemId', { sort: { createdAt: 1, _id: 1 }, projection: ACTION_ITEM_FIELDS }),
    // Overdue narrows to a deadline before now; both narrowings are part of the one indexed query.
    actionItemsOfOrganisation: ownedListLoader<ActionItemDocument, { statuses: readonly ActionItemStatus[]; deadlineBefore: Date | null }>(
      models.ActionItem,
      'responsibleOrganisationId',
      {
        filter: ({ statuses, deadlineBefore }) => ({ status: { $in: [...statuses] }, ...(deadlineBefore ? { deadline: { $lt: deadlineBefore } } : {}) }),
        sort: { deadline: 1, _id: 1 },
        projection: ACTION_ITEM_FIELDS,
      },
    ),
    microProject: loaderById(models.MicroProject, MICRO_PROJECT_FIELDS),
    // The ranking: most votes first, then the earlier proposal.
    microProjectsOfCommunity: ownedListLoader<MicroProjectDocument, { status: MicroProjectStatus | null }>(models.MicroProject, 'communityId', {
      filter: ({ status }) => (status ? { status } : {}),
      sort: { voteCount: -1, createdAt: 1, _id: 1 },
      projection: MICRO_PROJECT_FIELDS,
    }),
    votesOfResident: loaderByForeignKey(models.MicroProjectVote, 'residentId', { sort: { votedAt: -1, _id: -1 }, projection: MICRO_PROJECT_VOTE_FIELDS }),
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
