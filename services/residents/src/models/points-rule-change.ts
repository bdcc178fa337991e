import { Schema, type Connection, type Types } from 'mongoose';
import { EARNING_KINDS, type EarningKind } from '../domain/points-rules.ts';

/**
 * A street admin's change to one points rule: the new terms, who made them and when. Changes are
 * only ever added; the rule for an event is the newest change made before the event occurred, or
 * the default table (domain/points-rules.ts) when there is none.
 */
export interface PointsRuleChangeDocument {
  _id: Types.ObjectId;
  kind: EarningKind;
  points: number;
  dailyCap: number;
  monthlyCap: number;
  changedBy: string;
  changedAt: Date;
}

export const pointsRuleChangeSchema = new Schema<PointsRuleChangeDocument>(
  {
    kind: { type: String, enum: EARNING_KINDS, required: true },
    points: { type: Number, required: true },
    dailyCap: { type: Number, required: true },
    monthlyCap: { type: Number, required: true },
    changedBy: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { collection: 'pointsRuleChanges', versionKey: false },
);

// The rule in force at a time: the newest change of the kind at or before it.
pointsRuleChangeSchema.index({ kind: 1, changedAt: -1, _id: -1 });

export function pointsRuleChangeModel(connection: Connection) {
  return connection.model<PointsRuleChangeDocument>('PointsRuleChange', pointsRuleChangeSchema);
}
