import { Schema, type Connection, type Model } from 'mongoose';
import type { CivicEvent } from './event.ts';

/**
 * Events a consumer could not apply, set aside for operators in the service's own database: the
 * event whole, why it failed last, after how many attempts, and when. `npm run events -- parked`
 * lists them; a replay applies them through the same once-only path and removes each that applies.
 */
export interface ParkedEventDocument {
  consumer: string;
  eventId: string;
  event: CivicEvent;
  reason: string;
  attempts: number;
  parkedAt: Date;
  /** Where the event is in the stream, when it was parked from a delivery. */
  streamSequence: number | null;
}

export const parkedEventSchema = new Schema<ParkedEventDocument>(
  {
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    event: { type: Schema.Types.Mixed, required: true },
    reason: { type: String, required: true },
    attempts: { type: Number, required: true },
    parkedAt: { type: Date, required: true },
    streamSequence: { type: Number, default: null },
  },
  { collection: 'parkedEvents', versionKey: false, minimize: false },
);

// One entry per consumer and event (parking again updates it); operators list them by consumer, oldest first.
parkedEventSchema.index({ consumer: 1, eventId: 1 }, { unique: true });
parkedEventSchema.index({ consumer: 1, parkedAt: 1 });

export type ParkedEventModel = Model<ParkedEventDocument>;

export function parkedEventModel(connection: Connection): ParkedEventModel {
  return (connection.models.ParkedEvent as ParkedEventModel | undefined) ?? connection.model<ParkedEventDocument>('ParkedEvent', parkedEventSchema);
}

export interface Parking {
  consumer: string;
  event: CivicEvent;
  reason: string;
  attempts: number;
  streamSequence: number | null;
}

/** Parks an event, or updates its entry when it is parked already. */
export async function parkEvent(parked: ParkedEventModel, parking: Parking, parkedAt: Date): Promise<void> {
  await parked.updateOne(
    { consumer: parking.consumer, eventId: parking.event.id },
    { $set: { event: parking.event, reason: parking.reason, attempts: parking.attempts, parkedAt, streamSequence: parking.streamSequence } },
    { upsert: true },
  );
}
