import { Schema, type Connection, type Types } from 'mongoose';
import { POINTS_SPENDING_STATUSES, type PointsSpendingStatus } from '../domain/points-spending.ts';

/**
 * One spending of points by its spender's reference, the `_id`: being the key, it admits one
 * record per reference, so a spend, its repeat and its refund meet on one document (see
 * domain/points-spending.ts). Its ledger entries are ordinary points entries.
 */
export interface PointsSpendingDocument {
  _id: string;
  residentId: Types.ObjectId;
  points: number;
  status: PointsSpendingStatus;
  spentEntryId: Types.ObjectId | null;
  refundEntryId: Types.ObjectId | null;
  recordedBy: string;
  at: Date;
  closedAt: Date | null;
}

const pointsSpendingSchema = new Schema<PointsSpendingDocument>(
  {
    _id: { type: String, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    points: { type: Number, required: true },
    status: { type: String, enum: POINTS_SPENDING_STATUSES, required: true },
    spentEntryId: { type: Schema.Types.ObjectId, default: null },
    refundEntryId: { type: Schema.Types.ObjectId, default: null },
    recordedBy: { type: String, required: true },
    at: { type: Date, required: true },
    closedAt: { type: Date, default: null },
  },
  { collection: 'pointsSpendings', versionKey: false },
);

// A resident's own data export.
pointsSpendingSchema.index({ residentId: 1, at: 1 });

export function pointsSpendingModel(connection: Connection) {
  return connection.model<PointsSpendingDocument>('PointsSpending', pointsSpendingSchema);
}
