import type { EventConsumer } from '@civic/events';
import { closedResidentOf, type SubgraphServices } from '@civic/service-kit';
import type { Models } from '../models/index.ts';

export const RESIDENT_CLOSURE_CONSUMER = 'notifications-resident-closure';

/**
 * A closed account's inbox is deleted whole (its notifications, their deliveries outside the app,
 * its channel preferences): notifications are messages to the person, with no count anyone else
 * keeps. The id is noted as closed, so later events put nothing in the inbox again.
 */
export const residentClosureConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: RESIDENT_CLOSURE_CONSUMER,
  kinds: ['resident.closed'],
  async apply(event, { models }, session) {
    const residentId = closedResidentOf(event);
    const recipient = { 'recipient.type': 'Resident' as const, 'recipient.id': residentId };
    await models.ClosedRecipient.updateOne({ _id: residentId }, { $setOnInsert: { closedAt: new Date(event.occurredAt) } }, { upsert: true, session });
    const notifications = await models.Notification.find(recipient, { _id: 1 }, { session }).lean();
    await models.Delivery.deleteMany({ notificationId: { $in: notifications.map((notification) => notification._id) } }, { session });
    await models.Notification.deleteMany(recipient, { session });
    await models.NotificationPreference.deleteMany(recipient, { session });
  },
};
