import { loadAll, notFound, parseId, parseIds, requireResident, requireSignedIn } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { NOTIFICATION_FIELDS, type NotificationDocument } from '../models/notification.ts';
import { deliverPending } from '../persistence/deliveries.ts';
import { developmentChannels } from '../delivery/development-channels.ts';
import { requireDeliveryRunner } from '../authorisation.ts';
import { inboxPage } from './inbox-page.ts';
import { readableByViewer, recipientActedFor } from './recipient-access.ts';
import { actForOrganisationOutOfScope, markAnothersNotification, noPersonalInbox, tooManyIds } from '../errors.ts';

/** At most this many notifications are marked in one call. */
export const MAX_MARKED = 100;

export const notificationQueries: QueryResolvers = {
  myNotifications: (_parent, { unreadOnly, first, after }, { viewer, models }) =>
    inboxPage(models, { type: 'Resident', id: requireResident(viewer, noPersonalInbox) }, { unreadOnly, first, after }),
  // Null, as for an unknown id, when it is another recipient's: a caller learns nothing of others' inboxes.
  notification: async (_parent, { id }, context) => {
    requireSignedIn(context.viewer);
    const notification = await context.loaders.notification.load(parseId('id', id).toHexString());
    if (!notification) return null;
    const [readable] = await readableByViewer(context, [notification]);
    return readable ? notification : null;
  },
};

export const notificationMutations: MutationResolvers = {
  // Read stays read: a notification read before keeps the time it was first read.
  markNotificationsRead: async (_parent, { ids }, context) => {
    requireSignedIn(context.viewer);
    if (ids.length > MAX_MARKED) throw tooManyIds(MAX_MARKED);
    const wanted = parseIds('ids', ids);
    const found = await loadAll(context.loaders.notification, wanted);
    const missing = ids.find((id) => !found.some((notification) => notification._id.toHexString() === id.toLowerCase()));
    if (missing !== undefined) throw notFound('Notification', missing);
    if ((await readableByViewer(context, found)).includes(false)) throw markAnothersNotification();
    await context.models.Notification.updateMany({ _id: { $in: wanted }, readAt: null }, { $set: { readAt: context.clock.now() } });
    const marked = await context.models.Notification.find({ _id: { $in: wanted } }, NOTIFICATION_FIELDS).lean<NotificationDocument[]>();
    return wanted.map((id) => marked.find((notification) => notification._id.equals(id))!);
  },

  markAllNotificationsRead: async (_parent, { organisationId }, context) => {
    const recipient = await recipientActedFor(context, organisationId, actForOrganisationOutOfScope);
    const marked = await context.models.Notification.updateMany(
      { 'recipient.type': recipient.type, 'recipient.id': recipient.id, readAt: null },
      { $set: { readAt: context.clock.now() } },
    );
    return marked.modifiedCount;
  },

  deliverNotifications: async (_parent, _args, { viewer, models, clock, logger }) => {
    requireDeliveryRunner(viewer);
    const run = await deliverPending(models, developmentChannels(logger), () => clock.now());
    return run.delivered + run.failed;
  },
};
