import { Schema, type Connection, type Model } from 'mongoose';
import type { EventKind } from './catalogue.ts';

/**
 * The events each consumer of a service has applied, in the service's own database: written in
 * the same transaction as the consumer's effects, so the unique index on (consumer, event id)
 * refuses a second application of the same event, redelivered or replayed.
 */
export interface AppliedEventDocument {
  consumer: string;
  eventId: string;
  kind: EventKind;
  appliedAt: Date;
}

export const appliedEventSchema = new Schema<AppliedEventDocument>(
  {
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    kind: { type: String, required: true },
    appliedAt: { type: Date, required: true },
  },
  { collection: 'appliedEvents', versionKey: false },
);

appliedEventSchema.index({ consumer: 1, eventId: 1 }, { unique: true });

export type AppliedEventModel = Model<AppliedEventDocument>;

export function appliedEventModel(connection: Connection): AppliedEventModel {
  return (connection.models.AppliedEvent as AppliedEventModel | undefined) ?? connection.model<AppliedEventDocument>('AppliedEvent', appliedEventSchema);
}
