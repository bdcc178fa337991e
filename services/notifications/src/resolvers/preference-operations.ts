import { invalidInput, signedInSubject } from '@civic/service-kit';
import type { MutationResolvers, NotificationPreferencesResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import type { Models } from '../models/index.ts';
import type { RecipientDocument } from '../models/recipient.ts';
import { choicesOf, choicesToStore } from '../domain/preferences.ts';
import type { NotificationPreferencesParent } from '../mappers.ts';
import { storePreferences } from '../persistence/preferences.ts';
import { recipientActedFor } from './recipient-access.ts';
import { actForOrganisationOutOfScope, readOrganisationInboxOutOfScope } from '../errors.ts';

export const NotificationPreferences: NotificationPreferencesResolvers = {
  choices: (preferences) => choicesOf(preferences.channels),
};

export const preferenceQueries: QueryResolvers = {
  notificationPreferences: async (_parent, { organisationId }, context) =>
    preferencesOf(context.models, await recipientActedFor(context, organisationId, readOrganisationInboxOutOfScope)),
};

export const preferenceMutations: MutationResolvers = {
  setNotificationPreferences: async (_parent, { organisationId, choices }, context) => {
    const recipient = await recipientActedFor(context, organisationId, actForOrganisationOutOfScope);
    const change = choicesToStore(choices);
    if ('field' in change) throw invalidInput(change);
    await storePreferences(context.models, recipient, change, context.clock.now(), signedInSubject(context.viewer));
    return preferencesOf(context.models, recipient);
  },
};

async function preferencesOf(models: Models, recipient: RecipientDocument): Promise<NotificationPreferencesParent> {
  const stored = await models.NotificationPreference.findOne({ 'recipient.type': recipient.type, 'recipient.id': recipient.id }, { channels: 1 }).lean();
  return { recipient: { type: recipient.type, id: recipient.id.toHexString() }, channels: stored?.channels ?? null };
}
