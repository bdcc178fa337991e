import { Schema, type Connection, type Types } from 'mongoose';
import { POINTS_SOURCES, type PointsSource } from '../domain/vocabulary.ts';

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
  at: Date;
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
  },
  { collection: 'pointsEntries', versionKey: false },
);

pointsEntrySchema.index({ residentId: 1, sequence: 1 }, { unique: true });
// Resident.points.entries pages newest first: sequence then _id, descending.
pointsEntrySchema.index({ residentId: 1, sequence: -1, _id: -1 });

export function pointsEntryModel(connection: Connection) {
  return connection.model<PointsEntryDocument>('PointsEntry', pointsEntrySchema);
}
