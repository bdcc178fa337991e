import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/** A note left for an organisation, for example an overdue request that reached it. */
export interface WishNotificationDocument {
  _id: Types.ObjectId;
  recipientId: Types.ObjectId;
  /** The recipient's organisation path: staff whose scope covers it read the notification. */
  recipientPath: Types.ObjectId[];
  wishId: Types.ObjectId;
  message: string;
  /** One notification per event (wish id and version): a repeated sweep leaves no second one. */
  eventKey: string;
  createdAt: Date;
}

export const WISH_NOTIFICATION_FIELDS = { recipientId: 1, recipientPath: 1, wishId: 1, message: 1, eventKey: 1, createdAt: 1 } as const;

const wishNotificationSchema = new Schema<WishNotificationDocument>(
  {
    recipientId: { type: Schema.Types.ObjectId, required: true },
    recipientPath: { type: [Schema.Types.ObjectId], required: true },
    wishId: { type: Schema.Types.ObjectId, required: true },
    message: { type: String, required: true },
    eventKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('wish_notifications'),
);

// wishNotifications(recipientId): newest first.
wishNotificationSchema.index({ recipientId: 1, createdAt: -1, _id: -1 });
wishNotificationSchema.index({ eventKey: 1 }, { unique: true });

export function wishNotificationModel(connection: Connection) {
  return connection.model<WishNotificationDocument>('WishNotification', wishNotificationSchema);
}
