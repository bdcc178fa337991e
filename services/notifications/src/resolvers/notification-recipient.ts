import type { NotificationRecipientResolvers } from '../generated/resolvers-types.ts';

export const NotificationRecipient: NotificationRecipientResolvers = {
  __resolveType: (recipient) => recipient.type,
};
