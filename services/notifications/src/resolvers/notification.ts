import type { NotificationResolvers } from '../generated/resolvers-types.ts';
import type { Types } from 'mongoose';
import { readableByViewer } from './recipient-access.ts';

const reference = (id: Types.ObjectId | null) => (id === null ? null : { id: id.toHexString() });

export const Notification: NotificationResolvers = {
  // Resolved by id for the gateway (live "my notifications"): only for a viewer who may read it.
  __resolveReference: async ({ id }, context) => {
    const notification = await context.loaders.notification.load(id);
    if (!notification) return null;
    const [readable] = await readableByViewer(context, [notification]);
    return readable ? notification : null;
  },
  id: (notification) => notification._id.toHexString(),
  recipient: (notification) => ({ type: notification.recipient.type, id: notification.recipient.id.toHexString() }),
  read: (notification) => notification.readAt !== null,
  wish: (notification) => reference(notification.about.wishId),
  meeting: (notification) => reference(notification.about.meetingId),
  actionItemId: (notification) => notification.about.actionItemId?.toHexString() ?? null,
  resource: (notification) => reference(notification.about.resourceId),
  bookingId: (notification) => notification.about.bookingId?.toHexString() ?? null,
  dataCorrectionRequestId: (notification) => notification.about.dataCorrectionRequestId?.toHexString() ?? null,
  mobilisation: (notification) => reference(notification.about.mobilisationId ?? null),
  deliveries: (notification, _args, { loaders }) => loaders.deliveriesOfNotification.load(notification._id.toHexString()),
};
