import { paginate, type PageArgs, type SortOrder } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { NOTIFICATION_FIELDS } from '../models/notification.ts';
import type { RecipientDocument } from '../models/recipient.ts';
import type { NotificationConnectionParent } from '../mappers.ts';

/** An inbox in the order things arrived in it, newest first: new ones only ever join at the top, so paging never skips one. */
const NEWEST_FIRST: SortOrder = { field: 'createdAt', direction: -1 };

/** One page of a recipient's inbox (unread ones only, if asked), with the inbox's unread count. */
export async function inboxPage(models: Models, recipient: RecipientDocument, args: PageArgs & { unreadOnly?: boolean | null }): Promise<NotificationConnectionParent> {
  const ofRecipient = { 'recipient.type': recipient.type, 'recipient.id': recipient.id };
  const page = await paginate(models.Notification, args.unreadOnly ? { ...ofRecipient, readAt: null } : ofRecipient, args, NEWEST_FIRST, NOTIFICATION_FIELDS);
  return { ...page, unreadCount: () => models.Notification.countDocuments({ ...ofRecipient, readAt: null }).exec() };
}
