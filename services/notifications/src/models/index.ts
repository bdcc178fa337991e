import type { Connection } from 'mongoose';
import { outboxModel } from '@civic/events';
import { notificationModel } from './notification.ts';
import { notificationPreferenceModel } from './notification-preference.ts';
import { deliveryModel } from './notification-delivery.ts';
import { closedRecipientModel } from './closed-recipient.ts';

export function createModels(connection: Connection) {
  return {
    Notification: notificationModel(connection),
    NotificationPreference: notificationPreferenceModel(connection),
    Delivery: deliveryModel(connection),
    ClosedRecipient: closedRecipientModel(connection),
    // notification.created events, written with the notification they announce.
    Outbox: outboxModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
