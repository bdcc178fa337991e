import { Schema, type Connection, type Types } from 'mongoose';
import { MEETING_KINDS, MEETING_LEVELS, MEETING_STATUSES, type MeetingKind, type MeetingLevel, type MeetingStatus } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

export interface MeetingDocument {
  _id: Types.ObjectId;
  kind: MeetingKind;
  title: string;
  /** The lead host first. */
  hostIds: Types.ObjectId[];
  /**
   * Every id on any host's path, copied at scheduling (organisations never move): `{ hostPaths: x }`
   * is every meeting hosted in x's subtree, and a scope covering any of them covers some host.
   */
  hostPaths: Types.ObjectId[];
  level: MeetingLevel;
  startsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  status: MeetingStatus;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  /** The token subject of the staff member who scheduled it. */
  createdBy: string;
}

export const MEETING_FIELDS = {
  kind: 1,
  title: 1,
  hostIds: 1,
  hostPaths: 1,
  level: 1,
  startsAt: 1,
  place: 1,
  onlineUrl: 1,
  status: 1,
  openedAt: 1,
  closedAt: 1,
  createdAt: 1,
} as const;

const meetingSchema = new Schema<MeetingDocument>(
  {
    kind: { type: String, enum: MEETING_KINDS, required: true },
    title: { type: String, required: true },
    hostIds: { type: [Schema.Types.ObjectId], required: true },
    hostPaths: { type: [Schema.Types.ObjectId], required: true },
    level: { type: String, enum: MEETING_LEVELS, required: true },
    startsAt: { type: Date, required: true },
    place: { type: String, default: null },
    onlineUrl: { type: String, default: null },
    status: { type: String, enum: MEETING_STATUSES, required: true },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  collectionOptions('meetings'),
);

// meetings(): the latest first, optionally narrowed by host subtree, kind or status.
meetingSchema.index({ startsAt: -1, _id: -1 });
meetingSchema.index({ hostPaths: 1, startsAt: -1, _id: -1 });
meetingSchema.index({ kind: 1, startsAt: -1, _id: -1 });
meetingSchema.index({ status: 1, startsAt: -1, _id: -1 });
// Organisation.meetings(status, first).
meetingSchema.index({ hostIds: 1, startsAt: -1, _id: -1 });
meetingSchema.index({ hostIds: 1, status: 1, startsAt: -1, _id: -1 });

export function meetingModel(connection: Connection) {
  return connection.model<MeetingDocument>('Meeting', meetingSchema);
}
