import { Schema, type Connection, type Types } from 'mongoose';
import { MICRO_PROJECT_OUTCOMES, type MicroProjectOutcome } from '../domain/vocabulary.ts';
import type { VoteCount } from '../domain/decision-rules.ts';
import { collectionOptions } from './schema-options.ts';

export interface DecisionDocument {
  text: string;
  votes: VoteCount | null;
  adopted: boolean;
  microProjectOutcome: MicroProjectOutcome | null;
  recordedAt: Date;
  /** The token subject of the staff member who recorded it. */
  recordedBy: string;
}

export interface AgendaItemDocument {
  _id: Types.ObjectId;
  meetingId: Types.ObjectId;
  /** 1..n in the order the items were added; unique per meeting. */
  position: number;
  title: string;
  wishId: Types.ObjectId | null;
  microProjectId: Types.ObjectId | null;
  /**
   * What the item takes up, unique per meeting (one matter, one discussion): `wish:<id>`,
   * `microProject:<id>`, or `item:<own id>` for a matter of its own. A meeting never lists a wish
   * or a project twice, and a close of voting that runs again never adds a project twice.
   */
  matterKey: string;
  minutes: string | null;
  decision: DecisionDocument | null;
  createdAt: Date;
}

export const AGENDA_ITEM_FIELDS = { meetingId: 1, position: 1, title: 1, wishId: 1, microProjectId: 1, minutes: 1, decision: 1, createdAt: 1 } as const;

const voteCountSchema = new Schema<VoteCount>(
  { inFavour: { type: Number, required: true }, against: { type: Number, required: true }, abstaining: { type: Number, required: true } },
  { _id: false },
);

const decisionSchema = new Schema<DecisionDocument>(
  {
    text: { type: String, required: true },
    votes: { type: voteCountSchema, default: null },
    adopted: { type: Boolean, required: true },
    microProjectOutcome: { type: String, enum: [...MICRO_PROJECT_OUTCOMES, null], default: null },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  { _id: false },
);

const agendaItemSchema = new Schema<AgendaItemDocument>(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    position: { type: Number, required: true },
    title: { type: String, required: true },
    wishId: { type: Schema.Types.ObjectId, default: null },
    microProjectId: { type: Schema.Types.ObjectId, default: null },
    matterKey: { type: String, required: true },
    minutes: { type: String, default: null },
    decision: { type: decisionSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('agenda_items'),
);

// Meeting.agenda in order; two items added at once never share a position.
agendaItemSchema.index({ meetingId: 1, position: 1 }, { unique: true });
// One matter per meeting (no partial indexes on FerretDB: items of their own carry their own id).
agendaItemSchema.index({ meetingId: 1, matterKey: 1 }, { unique: true });
// Wish.meetings.
agendaItemSchema.index({ wishId: 1 });
// The review meeting of a micro-project.
agendaItemSchema.index({ microProjectId: 1 });

export function matterKey(item: Pick<AgendaItemDocument, '_id' | 'wishId' | 'microProjectId'>): string {
  if (item.wishId) return `wish:${item.wishId.toHexString()}`;
  if (item.microProjectId) return `microProject:${item.microProjectId.toHexString()}`;
  return `item:${item._id.toHexString()}`;
}

export function agendaItemModel(connection: Connection) {
  return connection.model<AgendaItemDocument>('AgendaItem', agendaItemSchema);
}
