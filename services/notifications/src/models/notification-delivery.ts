import { Schema, type Connection, type Types } from 'mongoose';
import { DELIVERY_STATUSES, OUTSIDE_CHANNELS, type DeliveryStatus, type OutsideChannel } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/**
 * One delivery of a notification outside the app, written with the notification for each channel
 * its recipient chose for its kind, and made by the delivery job after the commit.
 */
export interface DeliveryDocument {
  _id: Types.ObjectId;
  notificationId: Types.ObjectId;
  channel: OutsideChannel;
  status: DeliveryStatus;
  /** The notification's arrival: deliveries go out oldest first. */
  createdAt: Date;
  /** When the last attempt started; null while pending. */
  attemptedAt: Date | null;
  failure: string | null;
}

export const DELIVERY_FIELDS = { notificationId: 1, channel: 1, status: 1, createdAt: 1, attemptedAt: 1, failure: 1 } as const;

const deliverySchema = new Schema<DeliveryDocument>(
  {
    notificationId: { type: Schema.Types.ObjectId, required: true },
    channel: { type: String, enum: OUTSIDE_CHANNELS, required: true },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    createdAt: { type: Date, required: true },
    attemptedAt: { type: Date, default: null },
    failure: { type: String, default: null },
  },
  collectionOptions('notification_deliveries'),
);

// One delivery per notification and channel; Notification.deliveries.
deliverySchema.index({ notificationId: 1, channel: 1 }, { unique: true });
// The delivery job: a channel's deliveries in a status, oldest first.
deliverySchema.index({ channel: 1, status: 1, createdAt: 1 });

export function deliveryModel(connection: Connection) {
  return connection.model<DeliveryDocument>('NotificationDelivery', deliverySchema);
}
