import type { Resolvers } from '../generated/resolvers-types.ts';
import { Notification } from './notification.ts';
import { NotificationRecipient } from './notification-recipient.ts';
import { notificationMutations, notificationQueries } from './notification-operations.ts';
import { NotificationPreferences, preferenceMutations, preferenceQueries } from './preference-operations.ts';
import { Organisation } from './organisation.ts';
import { PersonalDataExport } from './personal-data-export.ts';

export const resolvers: Resolvers = {
  Notification,
  NotificationRecipient,
  NotificationPreferences,
  Organisation,
  Query: { ...notificationQueries, ...preferenceQueries },
  Mutation: { ...notificationMutations, ...preferenceMutations },
  PersonalDataExport,
};
