import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { AboutDocument } from '../models/notification.ts';

/**
 * The notifications department's part of a resident's data export: every notification in their
 * inbox, oldest first, with the records it is about by id and its deliveries outside the app, and
 * the channels they chose.
 */
export async function notificationsPartOf(models: Models, residentId: Types.ObjectId): Promise<Record<string, unknown>> {
  const recipient = { 'recipient.type': 'Resident' as const, 'recipient.id': residentId };
  const [notifications, preferences] = await Promise.all([
    models.Notification.find(recipient).sort({ createdAt: 1, _id: 1 }).lean(),
    models.NotificationPreference.findOne(recipient).lean(),
  ]);
  const deliveries = await models.Delivery.find({ notificationId: { $in: notifications.map((notification) => notification._id) } })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
  const deliveriesOf = new Map<string, typeof deliveries>();
  for (const delivery of deliveries) {
    const key = delivery.notificationId.toHexString();
    deliveriesOf.set(key, [...(deliveriesOf.get(key) ?? []), delivery]);
  }
  return {
    inbox: notifications.map((notification) => ({
      id: notification._id.toHexString(),
      kind: notification.kind,
      about: aboutIds(notification.about),
      title: notification.title,
      body: notification.body,
      occurredAt: notification.occurredAt,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
      deliveries: (deliveriesOf.get(notification._id.toHexString()) ?? []).map((delivery) => ({ channel: delivery.channel, status: delivery.status, attemptedAt: delivery.attemptedAt, failure: delivery.failure })),
    })),
    preferences: preferences ? { channels: preferences.channels ?? {}, updatedAt: preferences.updatedAt } : null,
  };
}

/** The records a notification is about, the ones it names only. */
function aboutIds(about: AboutDocument): Record<string, string> {
  return Object.fromEntries(Object.entries(about).flatMap(([fact, id]) => (id ? [[fact, (id as Types.ObjectId).toHexString()]] : [])));
}
