import { isDuplicateKeyError } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { RecipientDocument } from '../models/recipient.ts';
import type { ChannelsByKind } from '../domain/preferences.ts';

/**
 * Sets the channels of the kinds in `change`, each on its own path of the recipient's one
 * document (created by the first change), so two changes of different kinds made at once both
 * stay. Two first changes at once race to create the document: the unique recipient index lets
 * one insert, and the other, refused, applies its change to the document that won.
 */
export async function storePreferences(models: Models, recipient: RecipientDocument, change: ChannelsByKind, now: Date, actor: string): Promise<void> {
  const set = { ...Object.fromEntries(Object.entries(change).map(([kind, channels]) => [`channels.${kind}`, channels])), updatedAt: now, updatedBy: actor };
  const filter = { 'recipient.type': recipient.type, 'recipient.id': recipient.id };
  const write = () => models.NotificationPreference.updateOne(filter, { $set: set, $setOnInsert: { recipient } }, { upsert: true });
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await write();
  }
}
