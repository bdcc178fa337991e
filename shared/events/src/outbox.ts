import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import type { CivicEvent } from './event.ts';

/**
 * The outbox: events a service has committed and not yet handed to the broker, in the service's
 * own database. An event is written in the same transaction as the change it reports, so the two
 * commit together or not at all, and a broker that is down loses nothing: the publisher moves it
 * later.
 */
export interface OutboxDocument {
  /** The event's id. */
  _id: string;
  event: CivicEvent;
  /** When it was written; the publisher moves events oldest first. */
  recordedAt: Date;
  /** Null until the broker acknowledged it. */
  publishedAt: Date | null;
  /** The broker's stream sequence, once published. */
  streamSequence: number | null;
}

export const outboxSchema = new Schema<OutboxDocument>(
  {
    _id: { type: String, required: true },
    event: { type: Schema.Types.Mixed, required: true },
    recordedAt: { type: Date, required: true },
    publishedAt: { type: Date, default: null },
    streamSequence: { type: Number, default: null },
  },
  { collection: 'outbox', versionKey: false, minimize: false },
);

// The publisher's query: what is still to publish (publishedAt null), oldest first.
outboxSchema.index({ publishedAt: 1, recordedAt: 1, _id: 1 });
// Published events stay a week for operators to look at; the stream keeps them for replay.
outboxSchema.index({ publishedAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600, name: 'publishedAt_ttl' });

export type OutboxModel = Model<OutboxDocument>;

/** The service's Outbox model; the same one when a service and the kit both ask for it. */
export function outboxModel(connection: Connection): OutboxModel {
  return (connection.models.Outbox as OutboxModel | undefined) ?? connection.model<OutboxDocument>('Outbox', outboxSchema);
}

/** Writes events to the outbox inside `session`'s transaction: they commit with the change that caused them. */
export async function recordEvents(outbox: OutboxModel, session: ClientSession, events: CivicEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!session.inTransaction()) throw new Error('recordEvents needs a transaction: the events must commit with their change');
  const recordedAt = new Date();
  await outbox.insertMany(
    events.map((event) => ({ _id: event.id, event, recordedAt, publishedAt: null, streamSequence: null })),
    { session },
  );
}
