import type { Connection, Edge } from '@civic/service-kit';
import type { MeetingDocument } from './models/meeting.ts';
import type { MicroProjectDocument } from './models/micro-project.ts';

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

export interface MicroProjectVotingResultParent {
  prioritised: MicroProjectDocument[];
  sentToReview: MicroProjectDocument[];
  reviewMeeting: MeetingDocument | null;
}
