import { Schema, type Connection, type Types } from 'mongoose';
import type { ChannelsByKind } from '../domain/preferences.ts';
import { recipientSchema, type RecipientDocument } from './recipient.ts';
import { collectionOptions } from './schema-options.ts';

export interface NotificationPreferenceDocument {
  _id: Types.ObjectId;
  recipient: RecipientDocument;
  /** Absent until a first kind is chosen. */
  channels?: ChannelsByKind;
  updatedAt: Date;
  /** The subject of the account that last changed them. */
  updatedBy: string;
}

export const NOTIFICATION_PREFERENCE_FIELDS = { recipient: 1, channels: 1, updatedAt: 1, updatedBy: 1 } as const;

const notificationPreferenceSchema = new Schema<NotificationPreferenceDocument>(
  {
    recipient: { type: recipientSchema, required: true },
    // Kind → channels; each kind is set on its own path, so concurrent changes of different kinds both stay.
    channels: { type: Schema.Types.Mixed },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { ...collectionOptions('notification_preferences'), minimize: false },
);

// One set of preferences per recipient.
notificationPreferenceSchema.index({ 'recipient.type': 1, 'recipient.id': 1 }, { unique: true });

export function notificationPreferenceModel(connection: Connection) {
  return connection.model<NotificationPreferenceDocument>('NotificationPreference', notificationPreferenceSchema);
}
