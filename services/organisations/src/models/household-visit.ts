import { Schema, type Connection, type Types } from 'mongoose';
import { VISIT_OUTCOMES, type VisitOutcome } from '../domain/mobilisation-rules.ts';
import { collectionOptions } from './schema-options.ts';

/**
 * One door-to-door visit of a household in a mobilisation: every visit is kept (NOT_AT_HOME, then
 * REACHED), while the mobilisation holds each household's standing outcome.
 */
export interface HouseholdVisitDocument {
  _id: Types.ObjectId;
  mobilisationId: Types.ObjectId;
  householdId: Types.ObjectId;
  outcome: VisitOutcome;
  /** When the door was knocked on; recordedAt when the visitor wrote it down. */
  at: Date;
  note: string | null;
  recordedAt: Date;
  /**
   * The resident who recorded it (a grid worker or the grid's responsible person): the viewer's
   * resident id; null when the staff account that recorded it names no resident, and once the
   * recorder closed their account.
   */
  recordedById: Types.ObjectId | null;
  /** When the recorder's account closure removed them from the visit. */
  anonymisedAt: Date | null;
}

export const HOUSEHOLD_VISIT_FIELDS = { mobilisationId: 1, householdId: 1, outcome: 1, at: 1, note: 1, recordedAt: 1, recordedById: 1 } as const;

const householdVisitSchema = new Schema<HouseholdVisitDocument>(
  {
    mobilisationId: { type: Schema.Types.ObjectId, required: true },
    householdId: { type: Schema.Types.ObjectId, required: true },
    outcome: { type: String, enum: VISIT_OUTCOMES, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
    recordedAt: { type: Date, required: true },
    recordedById: { type: Schema.Types.ObjectId, default: null },
    anonymisedAt: { type: Date, default: null },
  },
  collectionOptions('household_visits'),
);

// Mobilisation.visits, newest visit first.
householdVisitSchema.index({ mobilisationId: 1, at: -1, _id: -1 });
// A closed account's visits, for the closure consumer.
householdVisitSchema.index({ recordedById: 1 }, { partialFilterExpression: { recordedById: { $type: 'objectId' } } });

export function householdVisitModel(connection: Connection) {
  return connection.model<HouseholdVisitDocument>('HouseholdVisit', householdVisitSchema);
}
