import { Schema, type Connection, type Types } from 'mongoose';
import type { EventKind } from '@civic/events';
import { NOTIFICATION_KINDS, type NotificationKind } from '../domain/vocabulary.ts';
import { recipientSchema, type RecipientDocument } from './recipient.ts';
import { collectionOptions } from './schema-options.ts';

/** The records a notification is about, by their owners' ids. */
export interface AboutDocument {
  wishId: Types.ObjectId | null;
  meetingId: Types.ObjectId | null;
  actionItemId: Types.ObjectId | null;
  resourceId: Types.ObjectId | null;
  bookingId: Types.ObjectId | null;
  /** Absent on notifications stored before corrections were told. */
  dataCorrectionRequestId?: Types.ObjectId | null;
  /** Absent on notifications stored before mobilisations were told. */
  mobilisationId?: Types.ObjectId | null;
}

export interface NotificationDocument {
  _id: Types.ObjectId;
  recipient: RecipientDocument;
  /** The event it was made from: one notification per recipient and event. */
  eventId: string;
  eventKind: EventKind;
  kind: NotificationKind;
  about: AboutDocument;
  title: string;
  body: string;
  occurredAt: Date;
  createdAt: Date;
  readAt: Date | null;
}

export const NOTIFICATION_FIELDS = {
  recipient: 1,
  eventId: 1,
  eventKind: 1,
  kind: 1,
  about: 1,
  title: 1,
  body: 1,
  occurredAt: 1,
  createdAt: 1,
  readAt: 1,
} as const;

const aboutSchema = new Schema<AboutDocument>(
  {
    wishId: { type: Schema.Types.ObjectId, default: null },
    meetingId: { type: Schema.Types.ObjectId, default: null },
    actionItemId: { type: Schema.Types.ObjectId, default: null },
    resourceId: { type: Schema.Types.ObjectId, default: null },
    bookingId: { type: Schema.Types.ObjectId, default: null },
    dataCorrectionRequestId: { type: Schema.Types.ObjectId, default: null },
    mobilisationId: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

const notificationSchema = new Schema<NotificationDocument>(
  {
    recipient: { type: recipientSchema, required: true },
    eventId: { type: String, required: true },
    eventKind: { type: String, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    about: { type: aboutSchema, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  collectionOptions('notifications'),
);

// At most one notification per recipient and event: a redelivered or replayed event adds nothing.
notificationSchema.index({ 'recipient.type': 1, 'recipient.id': 1, eventId: 1 }, { unique: true });
// The inbox, newest first.
notificationSchema.index({ 'recipient.type': 1, 'recipient.id': 1, createdAt: -1, _id: -1 });
// The unread inbox and its count (readAt null).
notificationSchema.index({ 'recipient.type': 1, 'recipient.id': 1, readAt: 1, createdAt: -1, _id: -1 });

export function notificationModel(connection: Connection) {
  return connection.model<NotificationDocument>('Notification', notificationSchema);
}
