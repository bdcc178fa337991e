import type { Connection } from 'mongoose';
import { outboxModel } from '@civic/events';
import { meetingModel } from './meeting.ts';
import { agendaItemModel } from './agenda-item.ts';
import { participantModel } from './participant.ts';
import { actionItemModel } from './action-item.ts';
import { microProjectModel } from './micro-project.ts';
import { microProjectVoteModel } from './micro-project-vote.ts';
import { communitySettingModel } from './community-setting.ts';

export function createModels(connection: Connection) {
  return {
    Meeting: meetingModel(connection),
    AgendaItem: agendaItemModel(connection),
    Participant: participantModel(connection),
    ActionItem: actionItemModel(connection),
    MicroProject: microProjectModel(connection),
    MicroProjectVote: microProjectVoteModel(connection),
    CommunitySetting: communitySettingModel(connection),
    Outbox: outboxModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
