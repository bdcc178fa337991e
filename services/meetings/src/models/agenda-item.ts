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
  /** The wish the item takes up, if any: a meeting takes up a wish once (ONE_ITEM_PER_WISH). */
  wishId: Types.ObjectId | null;
  /** The micro-project the item takes up, if any: once per meeting too (ONE_ITEM_PER_MICRO_PROJECT). */
  microProjectId: Types.ObjectId | null;
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
    minutes: { type: String, default: null },
    decision: { type: decisionSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('agenda_items'),
);

/** One matter, one discussion: a meeting takes up a wish, or a micro-project, once. */
export const ONE_ITEM_PER_WISH = { meetingId: 1, wishId: 1 } as const;
export const ONE_ITEM_PER_MICRO_PROJECT = { meetingId: 1, microProjectId: 1 } as const;

// Meeting.agenda, paged in order (position, then _id); two items never share a position.
agendaItemSchema.index({ meetingId: 1, position: 1 }, { unique: true });
// Only items that take up a wish or a project count: items of their own are any number.
agendaItemSchema.index(ONE_ITEM_PER_WISH, { unique: true, partialFilterExpression: { wishId: { $type: 'objectId' } } });
agendaItemSchema.index(ONE_ITEM_PER_MICRO_PROJECT, { unique: true, partialFilterExpression: { microProjectId: { $type: 'objectId' } } });
// Wish.meetings.
agendaItemSchema.index({ wishId: 1, _id: -1 });
// The review meeting of a micro-project.
agendaItemSchema.index({ microProjectId: 1 });

export function agendaItemModel(connection: Connection) {
  return connection.model<AgendaItemDocument>('AgendaItem', agendaItemSchema);
}
