import type { InputViolation } from '@civic/service-kit';
import { IN_APP, NOTIFICATION_KINDS, OUTSIDE_CHANNELS, type NotificationChannel, type NotificationKind, type OutsideChannel } from './vocabulary.ts';

/**
 * Channel preferences: the inbox (IN_APP) is always on; each recipient chooses, per notification
 * kind, which channels outside the app (SMS, WeChat) carry it too. A kind never chosen has none.
 */

/** A recipient's choices, kind → outside channels, as stored. */
export type ChannelsByKind = Partial<Record<NotificationKind, readonly OutsideChannel[]>>;

export interface ChoiceInput {
  kind: NotificationKind;
  channels: readonly NotificationChannel[];
}

export function kindChosenTwice(kind: NotificationKind): InputViolation {
  return { field: 'choices', message: `names ${kind} more than once` };
}

/** The outside channels the recipient chose for `kind`, in a fixed order. */
export function outsideChannelsFor(chosen: ChannelsByKind | null, kind: NotificationKind): OutsideChannel[] {
  const channels = new Set(chosen?.[kind] ?? []);
  return OUTSIDE_CHANNELS.filter((channel) => channels.has(channel));
}

/** Every kind with its channels, IN_APP first: what a recipient's preferences say. */
export function choicesOf(chosen: ChannelsByKind | null): { kind: NotificationKind; channels: NotificationChannel[] }[] {
  return NOTIFICATION_KINDS.map((kind) => ({ kind, channels: [IN_APP, ...outsideChannelsFor(chosen, kind)] }));
}

/** The change a list of choices makes, kind → its outside channels (IN_APP dropped: always on), or why it is refused. */
export function choicesToStore(choices: readonly ChoiceInput[]): ChannelsByKind | InputViolation {
  const stored: ChannelsByKind = {};
  for (const choice of choices) {
    if (stored[choice.kind]) return kindChosenTwice(choice.kind);
    const channels = new Set(choice.channels);
    stored[choice.kind] = OUTSIDE_CHANNELS.filter((channel) => channels.has(channel));
  }
  return stored;
}
