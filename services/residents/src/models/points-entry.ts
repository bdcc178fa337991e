import { Schema, type Connection, type Types } from 'mongoose';
import { POINTS_SOURCES, type PointsSource } from '../domain/vocabulary.ts';
import { EARNING_KINDS, type EarningKind } from '../domain/points-rules.ts';

/** One line of the append-only points ledger (微星光); see domain/points.ts. */
export interface PointsEntryDocument {
  _id: Types.ObjectId;
  residentId: Types.ObjectId;
  /** 1, 2, 3... per resident: the unique (residentId, sequence) index serialises appends. */
  sequence: number;
  /** Signed: positive for awards, negative for deductions. */
  amount: number;
  balanceAfter: number;
  source: PointsSource;
  reason: string;
  recordedBy: string;
  /** When the points were earned: the event's time for an entry from an event, else when it was recorded. */
  at: Date;
  /** The resident's organisationPath when the entry was made: the community and street that rank it. */
  organisationPath: Types.ObjectId[];
  /** For points earned from an event: its id and kind (null for staff adjustments). */
  eventId: string | null;
  eventKind: EarningKind | null;
  /** Set on every entry of an account when it closes: the ledger keeps them, the ranking no longer counts them. */
  accountClosed?: boolean;
}

export const pointsEntrySchema = new Schema<PointsEntryDocument>(
  {
    residentId: { type: Schema.Types.ObjectId, required: true },
    sequence: { type: Number, required: true },
    amount: { type: Number, required: true },
    balanceAfter: { type: Number, required: true },
    source: { type: String, enum: POINTS_SOURCES, required: true },
    reason: { type: String, required: true },
    recordedBy: { type: String, required: true },
    at: { type: Date, required: true },
    organisationPath: { type: [Schema.Types.ObjectId], required: true },
    eventId: { type: String, default: null },
    eventKind: { type: String, enum: [...EARNING_KINDS, null], default: null },
    accountClosed: { type: Boolean },
  },
  { collection: 'pointsEntries', versionKey: false },
);

pointsEntrySchema.index({ residentId: 1, sequence: 1 }, { unique: true });
// Resident.points.entries pages newest first: sequence then _id, descending.
pointsEntrySchema.index({ residentId: 1, sequence: -1, _id: -1 });
// An event earns a resident points once, however often it is delivered or replayed.
pointsEntrySchema.index({ eventId: 1, residentId: 1 }, { unique: true, partialFilterExpression: { eventId: { $type: 'string' } } });
// Caps: what a resident earned from one kind of event in a day or month.
pointsEntrySchema.index({ residentId: 1, eventKind: 1, at: 1 });
// The ranking: entries of a community or street in a period, summed per resident.
pointsEntrySchema.index({ organisationPath: 1, at: 1 });

export function pointsEntryModel(connection: Connection) {
  return connection.model<PointsEntryDocument>('PointsEntry', pointsEntrySchema);
}
