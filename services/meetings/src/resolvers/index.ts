import type { Resolvers } from '../generated/resolvers-types.ts';
import { Meeting } from './meeting.ts';
import { meetingMutations, meetingQueries } from './meeting-operations.ts';
import { AgendaItem, Decision } from './agenda-item.ts';
import { agendaItemMutations } from './agenda-item-operations.ts';
import { Participant } from './participant.ts';
import { participantMutations } from './participant-operations.ts';
import { ActionItem } from './action-item.ts';
import { actionItemMutations, actionItemQueries } from './action-item-operations.ts';
import { MicroProject } from './micro-project.ts';
import { microProjectMutations, microProjectQueries } from './micro-project-operations.ts';
import { Organisation } from './organisation.ts';
import { Resident } from './resident.ts';
import { Wish } from './wish.ts';
import { PersonalDataExport } from './personal-data-export.ts';
import { meetingAggregateQueries } from './meeting-aggregate-operations.ts';

export const resolvers: Resolvers = {
  Meeting,
  AgendaItem,
  Decision,
  Participant,
  ActionItem,
  MicroProject,
  Organisation,
  Resident,
  Wish,
  Query: { ...meetingQueries, ...actionItemQueries, ...microProjectQueries, ...meetingAggregateQueries },
  Mutation: { ...meetingMutations, ...agendaItemMutations, ...participantMutations, ...actionItemMutations, ...microProjectMutations },
  PersonalDataExport,
};
