import type { PartyRef } from '@civic/events';
import type { NotificationKind, OutsideChannel } from '../domain/vocabulary.ts';

/**
 * What a channel outside the app is handed: the notification's text and its recipient by id. The
 * channel's provider maps the id to a phone number or a WeChat openid it holds; this service
 * holds neither.
 */
export interface OutgoingMessage {
  notificationId: string;
  recipient: PartyRef;
  kind: NotificationKind;
  title: string;
  body: string;
}

/**
 * One channel outside the app (SMS, WeChat template messages). The inbox itself, IN_APP, is no
 * adapter: it is written with the notification in the consumer's transaction.
 */
export interface DeliveryChannel {
  channel: OutsideChannel;
  /** Sends one message; throws why it could not. */
  send(message: OutgoingMessage): Promise<void>;
}
