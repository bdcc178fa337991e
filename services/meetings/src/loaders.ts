import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { loaderById, loaderByForeignKey } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { MEETING_FIELDS } from './models/meeting.ts';
import { AGENDA_ITEM_FIELDS } from './models/agenda-item.ts';
import { PARTICIPANT_FIELDS } from './models/participant.ts';
import { ACTION_ITEM_FIELDS, type ActionItemDocument } from './models/action-item.ts';
import { MICRO_PROJECT_FIELDS } from './models/micro-project.ts';
import { MICRO_PROJECT_VOTE_FIELDS } from './models/micro-project-vote.ts';
import { COMMUNITY_SETTING_FIELDS } from './models/community-setting.ts';
import type { ActionItemStatus } from './domain/vocabulary.ts';

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer) {
  const voteCount = voteCountLoader(models);
  const votedByViewer = votedByViewerLoader(models, viewer);
  return {
    meeting: loaderById(models.Meeting, MEETING_FIELDS),
    meetingsOfHost: loaderByForeignKey(models.Meeting, 'hostIds', { sort: { startsAt: -1, _id: -1 }, projection: MEETING_FIELDS }),
    agendaItem: loaderById(models.AgendaItem, AGENDA_ITEM_FIELDS),
    agendaOfMeeting: loaderByForeignKey(models.AgendaItem, 'meetingId', { sort: { position: 1 }, projection: AGENDA_ITEM_FIELDS }),
    agendaItemsOfWish: loaderByForeignKey(models.AgendaItem, 'wishId', { projection: { meetingId: 1, wishId: 1 } }),
    participant: loaderById(models.Participant, PARTICIPANT_FIELDS),
    participantsOfMeeting: loaderByForeignKey(models.Participant, 'meetingId', { sort: { invitedAt: 1, _id: 1 }, projection: PARTICIPANT_FIELDS }),
    invitationsOfResident: loaderByForeignKey(models.Participant, 'residentId', { sort: { invitedAt: -1, _id: -1 }, projection: PARTICIPANT_FIELDS }),
    actionItem: loaderById(models.ActionItem, ACTION_ITEM_FIELDS),
    actionItemsOfAgendaItem: loaderByForeignKey(models.ActionItem, 'agendaItemId', { sort: { createdAt: 1, _id: 1 }, projection: ACTION_ITEM_FIELDS }),
    actionItemsOfOrganisation: actionItemsOfOrganisationLoader(models),
    microProject: loaderById(models.MicroProject, MICRO_PROJECT_FIELDS),
    microProjectsOfCommunity: loaderByForeignKey(models.MicroProject, 'communityId', { sort: { createdAt: 1, _id: 1 }, projection: MICRO_PROJECT_FIELDS }),
    votesOfResident: loaderByForeignKey(models.MicroProjectVote, 'residentId', { sort: { votedAt: -1, _id: -1 }, projection: MICRO_PROJECT_VOTE_FIELDS }),
    voteCount,
    votedByViewer,
    communitySetting: loaderById(models.CommunitySetting, COMMUNITY_SETTING_FIELDS),
    /** After this request voted, the project's counts are read afresh. */
    forgetVotes(microProjectId: Types.ObjectId) {
      voteCount.clear(microProjectId.toHexString());
      votedByViewer.clear(microProjectId.toHexString());
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function objectIds(keys: readonly string[]): Types.ObjectId[] {
  return keys.filter((key) => /^[0-9a-f]{24}$/i.test(key)).map((key) => new Types.ObjectId(key));
}

/** Votes per project, counted by the database (one accumulator per $group: FerretDB-safe). */
function voteCountLoader(models: Models) {
  return new DataLoader<string, number>(async (projectIds) => {
    const counts = await models.MicroProjectVote.aggregate<{ _id: Types.ObjectId; count: number }>([
      { $match: { microProjectId: { $in: objectIds(projectIds) } } },
      { $group: { _id: '$microProjectId', count: { $sum: 1 } } },
    ]);
    const byProject = new Map(counts.map((count) => [count._id.toHexString(), count.count]));
    return projectIds.map((id) => byProject.get(id) ?? 0);
  });
}

/** Whether the calling resident voted for each project. */
function votedByViewerLoader(models: Models, viewer: Viewer) {
  return new DataLoader<string, boolean>(async (projectIds) => {
    const [residentId] = objectIds(viewer.residentId ? [viewer.residentId] : []);
    if (!residentId) return projectIds.map(() => false);
    const votes = await models.MicroProjectVote.find({ microProjectId: { $in: objectIds(projectIds) }, residentId }, { microProjectId: 1 }).lean();
    const voted = new Set(votes.map((vote) => vote.microProjectId.toHexString()));
    return projectIds.map((id) => voted.has(id));
  });
}

/** Which of an organisation's action items to list: some statuses, and optionally only those due before a time. */
export interface ActionItemsKey {
  organisationId: string;
  statuses: readonly ActionItemStatus[];
  deadlineBefore: Date | null;
}

/**
 * Action items per responsible organisation. Keys that ask the same question (statuses and
 * deadline) share one indexed query on (responsibleOrganisationId, status, deadline).
 */
function actionItemsOfOrganisationLoader(models: Models) {
  const question = (key: ActionItemsKey) => JSON.stringify([key.statuses, key.deadlineBefore?.toISOString() ?? null]);
  return new DataLoader<ActionItemsKey, ActionItemDocument[], string>(
    async (keys) => {
      const groups = new Map<string, ActionItemsKey[]>();
      for (const key of keys) groups.set(question(key), [...(groups.get(question(key)) ?? []), key]);
      const found = new Map<string, ActionItemDocument[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { statuses, deadlineBefore } = group[0]!;
          const items = await models.ActionItem.find(
            {
              responsibleOrganisationId: { $in: objectIds(group.map((key) => key.organisationId)) },
              status: { $in: [...statuses] },
              ...(deadlineBefore ? { deadline: { $lt: deadlineBefore } } : {}),
            },
            ACTION_ITEM_FIELDS,
          )
            .sort({ deadline: 1, _id: 1 })
            .lean<ActionItemDocument[]>();
          for (const key of group) {
            found.set(JSON.stringify([key.organisationId, question(key)]), items.filter((item) => item.responsibleOrganisationId.toHexString() === key.organisationId));
          }
        }),
      );
      return keys.map((key) => found.get(JSON.stringify([key.organisationId, question(key)])) ?? []);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.organisationId, question(key)]) },
  );
}
