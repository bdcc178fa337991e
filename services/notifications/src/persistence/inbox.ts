import { Types, type ClientSession } from 'mongoose';
import { isHexId } from '@civic/service-kit';
import { newEvent, recordEvents, UnapplicableEvent, type AnyCivicEvent } from '@civic/events';
import type { Models } from '../models/index.ts';
import type { AboutDocument, NotificationDocument } from '../models/notification.ts';
import type { About, Notice } from '../domain/notices.ts';
import { outsideChannelsFor } from '../domain/preferences.ts';

/**
 * Puts an event's notices in their recipients' inboxes, inside `session`'s transaction: each
 * recipient gets the event at most once (an upsert on the unique recipient and event id, so
 * applying the event again adds nothing), with a pending delivery for each channel outside the
 * app the recipient chose for its kind (read in the same snapshot), and a `notification.created` event in the outbox for each
 * one added, which commits with it. Nothing is sent here: delivery runs after the commit. A
 * resident who closed their account gets nothing (models/closed-recipient.ts).
 */
export async function putInInboxes(models: Models, event: AnyCivicEvent, notices: readonly Notice[], now: Date, session: ClientSession): Promise<NotificationDocument[]> {
  const added: NotificationDocument[] = [];
  for (const notice of notices) {
    const recipient = { type: notice.recipient.type, id: storedId('recipient.id', notice.recipient.id) };
    if (recipient.type === 'Resident' && (await models.ClosedRecipient.exists({ _id: recipient.id }).session(session))) continue;
    const preferences = await models.NotificationPreference.findOne({ 'recipient.type': recipient.type, 'recipient.id': recipient.id }, { channels: 1 })
      .session(session)
      .lean();
    const notification: NotificationDocument = {
      _id: new Types.ObjectId(),
      recipient,
      eventId: event.id,
      eventKind: event.kind,
      kind: notice.kind,
      about: storedAbout(notice.about),
      title: notice.title,
      body: notice.body,
      occurredAt: new Date(event.occurredAt),
      createdAt: now,
      readAt: null,
    };
    const written = await models.Notification.updateOne(
      { 'recipient.type': recipient.type, 'recipient.id': recipient.id, eventId: event.id },
      { $setOnInsert: notification },
      { upsert: true, session },
    );
    if (written.upsertedCount === 0) continue;
    added.push(notification);
    const channels = outsideChannelsFor(preferences?.channels ?? null, notice.kind);
    await models.Delivery.insertMany(
      channels.map((channel) => ({ notificationId: notification._id, channel, status: 'PENDING', createdAt: now, attemptedAt: null, failure: null })),
      { session },
    );
  }
  await recordEvents(
    models.Outbox,
    session,
    added.map((notification) =>
      newEvent(
        'notification.created',
        { notificationId: notification._id.toHexString(), recipient: { type: notification.recipient.type, id: notification.recipient.id.toHexString() }, kind: notification.kind },
        now,
        event.requestId,
      ),
    ),
  );
  return added;
}

/** An id from another department's facts; one that is no id can never be stored, so the event is parked. */
function storedId(fact: string, value: string): Types.ObjectId {
  if (!isHexId(value)) throw new UnapplicableEvent(`${fact} is not an id: ${JSON.stringify(value)}`);
  return new Types.ObjectId(value);
}

function storedAbout(about: About): AboutDocument {
  const id = (fact: keyof About) => (about[fact] === undefined ? null : storedId(fact, about[fact]));
  return { wishId: id('wishId'), meetingId: id('meetingId'), actionItemId: id('actionItemId'), resourceId: id('resourceId'), bookingId: id('bookingId'), dataCorrectionRequestId: id('dataCorrectionRequestId'), mobilisationId: id('mobilisationId') };
}
