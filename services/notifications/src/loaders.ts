import { loaderByForeignKey, loaderById } from '@civic/service-kit';
import type { Models } from './models/index.ts';
import { NOTIFICATION_FIELDS } from './models/notification.ts';
import { DELIVERY_FIELDS } from './models/notification-delivery.ts';

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models) {
  return {
    notification: loaderById(models.Notification, NOTIFICATION_FIELDS),
    deliveriesOfNotification: loaderByForeignKey(models.Delivery, 'notificationId', { sort: { channel: 1 }, projection: DELIVERY_FIELDS }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
