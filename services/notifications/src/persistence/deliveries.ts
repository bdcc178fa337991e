import type { QueryFilter } from 'mongoose';
import type { Models } from '../models/index.ts';
import { NOTIFICATION_FIELDS, type NotificationDocument } from '../models/notification.ts';
import { DELIVERY_FIELDS, type DeliveryDocument } from '../models/notification-delivery.ts';
import type { OutsideChannel } from '../domain/vocabulary.ts';
import type { DeliveryChannel } from '../delivery/delivery-channel.ts';

/**
 * Delivery outside the app, after the inbox commit: each pending delivery is claimed by a
 * conditional update (PENDING → SENDING), sent through its channel, and its outcome recorded
 * (DELIVERED or FAILED, with why). Two replicas running this at once never claim one delivery
 * twice. A claim left SENDING for SENDING_TIMEOUT_MS (its sender stopped) is taken again, so a
 * message may go out twice but is never lost. A failed delivery is recorded, not retried, and the
 * notification stays in the inbox whatever the channel does.
 */

export const SENDING_TIMEOUT_MS = 5 * 60_000;
/** At most this many deliveries per channel in one run; the next run takes the rest. */
export const DELIVERIES_PER_RUN = 200;

export interface DeliveryRun {
  delivered: number;
  failed: number;
}

export async function deliverPending(models: Models, channels: readonly DeliveryChannel[], now: () => Date): Promise<DeliveryRun> {
  const run: DeliveryRun = { delivered: 0, failed: 0 };
  for (const adapter of channels) {
    for (let attempts = 0; attempts < DELIVERIES_PER_RUN; attempts += 1) {
      const claimedAt = now();
      const delivery = await claimNext(models, adapter.channel, claimedAt);
      if (!delivery) break;
      const notification = await models.Notification.findById(delivery.notificationId, NOTIFICATION_FIELDS).lean<NotificationDocument>();
      const failure = await sendThrough(adapter, notification!);
      await models.Delivery.updateOne({ _id: delivery._id, status: 'SENDING', attemptedAt: claimedAt }, { $set: { status: failure === null ? 'DELIVERED' : 'FAILED', failure } });
      run[failure === null ? 'delivered' : 'failed'] += 1;
    }
  }
  return run;
}

/** The oldest delivery on `channel` to make (pending, or left sending too long), marked SENDING as of `at`. */
async function claimNext(models: Models, channel: OutsideChannel, at: Date): Promise<DeliveryDocument | null> {
  const stale = new Date(at.getTime() - SENDING_TIMEOUT_MS);
  const claimable: QueryFilter<DeliveryDocument>[] = [
    { channel, status: 'PENDING' },
    { channel, status: 'SENDING', attemptedAt: { $lt: stale } },
  ];
  for (const filter of claimable) {
    const claimed = await models.Delivery.findOneAndUpdate(
      filter,
      { $set: { status: 'SENDING', attemptedAt: at, failure: null } },
      { sort: { createdAt: 1, _id: 1 }, projection: DELIVERY_FIELDS, returnDocument: 'after' },
    ).lean<DeliveryDocument>();
    if (claimed) return claimed;
  }
  return null;
}

/** Null when sent; else why not. */
async function sendThrough(adapter: DeliveryChannel, notification: NotificationDocument): Promise<string | null> {
  try {
    await adapter.send({
      notificationId: notification._id.toHexString(),
      recipient: { type: notification.recipient.type, id: notification.recipient.id.toHexString() },
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
    });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
