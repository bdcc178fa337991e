import type { Connection, Edge } from '@civic/service-kit';
import type { MeetingDocument } from './models/meeting.ts';
import type { MicroProjectDocument } from './models/micro-project.ts';
import type { AgendaItemDocument } from './models/agenda-item.ts';
import type { ParticipantDocument } from './models/participant.ts';
import type { ActionItemDocument } from './models/action-item.ts';

/** What resolvers of types that are not stored documents receive as their parent (codegen mappers). */

/** Another department's entity (Organisation, Wish), as this subgraph knows it: only its key. */
export interface EntityReference {
  id: string;
}

/** A Resident as this subgraph knows it: its key, and where it lives when a field @requires it. */
export interface ResidentReference {
  id: string;
  organisationPath?: string[];
}

export type MeetingConnectionParent = Connection<MeetingDocument>;
export type MeetingEdgeParent = Edge<MeetingDocument>;
export type AgendaItemConnectionParent = Connection<AgendaItemDocument>;
export type AgendaItemEdgeParent = Edge<AgendaItemDocument>;
export type ParticipantConnectionParent = Connection<ParticipantDocument>;
export type ParticipantEdgeParent = Edge<ParticipantDocument>;
export type ActionItemConnectionParent = Connection<ActionItemDocument>;
export type ActionItemEdgeParent = Edge<ActionItemDocument>;
export type MicroProjectConnectionParent = Connection<MicroProjectDocument>;
export type MicroProjectEdgeParent = Edge<MicroProjectDocument>;

export interface MicroProjectVotingResultParent {
  prioritised: MicroProjectDocument[];
  sentToReview: MicroProjectDocument[];
  reviewMeeting: MeetingDocument | null;
}
