import { Schema, type Connection, type Types } from 'mongoose';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

export interface ProgressDocument {
  note: string;
  status: ActionItemStatus;
  reportedAt: Date;
  reportedBy: string;
}

export interface ActionItemDocument {
  _id: Types.ObjectId;
  meetingId: Types.ObjectId;
  agendaItemId: Types.ObjectId;
  description: string;
  responsibleOrganisationId: Types.ObjectId;
  /** The responsible organisation's path, copied at assignment: its staff report progress. */
  responsiblePath: Types.ObjectId[];
  deadline: Date;
  status: ActionItemStatus;
  progress: ProgressDocument[];
  completedAt: Date | null;
  /** When the sweep tells the responsible organisation that the item is overdue (its deadline); null once told, or done. */
  overdueNoticeAt: Date | null;
  createdAt: Date;
}

export const ACTION_ITEM_FIELDS = {
  meetingId: 1,
  agendaItemId: 1,
  description: 1,
  responsibleOrganisationId: 1,
  responsiblePath: 1,
  deadline: 1,
  status: 1,
  progress: 1,
  completedAt: 1,
  overdueNoticeAt: 1,
  createdAt: 1,
} as const;

const progressSchema = new Schema<ProgressDocument>(
  {
    note: { type: String, required: true },
    status: { type: String, enum: ACTION_ITEM_STATUSES, required: true },
    reportedAt: { type: Date, required: true },
    reportedBy: { type: String, required: true },
  },
  { _id: false },
);

const actionItemSchema = new Schema<ActionItemDocument>(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    agendaItemId: { type: Schema.Types.ObjectId, required: true },
    description: { type: String, required: true },
    responsibleOrganisationId: { type: Schema.Types.ObjectId, required: true },
    responsiblePath: { type: [Schema.Types.ObjectId], required: true },
    deadline: { type: Date, required: true },
    status: { type: String, enum: ACTION_ITEM_STATUSES, required: true },
    progress: { type: [progressSchema], required: true },
    completedAt: { type: Date, default: null },
    overdueNoticeAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('action_items'),
);

// Organisation.actionItems(status, overdue): by organisation and status, earliest deadline first.
actionItemSchema.index({ responsibleOrganisationId: 1, status: 1, deadline: 1, _id: 1 });
// AgendaItem.actionItems, paged in order of creation.
actionItemSchema.index({ agendaItemId: 1, createdAt: 1, _id: 1 });
// The action item sweep: items whose overdue notice is due.
actionItemSchema.index({ overdueNoticeAt: 1 });
// The action item aggregate: the items of a batch of meetings.
actionItemSchema.index({ meetingId: 1 });

export function actionItemModel(connection: Connection) {
  return connection.model<ActionItemDocument>('ActionItem', actionItemSchema);
}
