import { Schema, type Connection, type Types } from 'mongoose';
import { OPEN_SAGA_STATES, SAGA_STATES, type SagaState } from '../domain/priority-saga.ts';
import { collectionOptions } from './schema-options.ts';

/**
 * One spending of a resident's points for priority on a parking waiting list, as a saga
 * (domain/priority-saga.ts). Its id is the spending's reference on the residents' side.
 */
export interface ParkingPrioritySagaDocument {
  _id: Types.ObjectId;
  applicationId: Types.ObjectId;
  resourceId: Types.ObjectId;
  servedPath: Types.ObjectId[];
  applicantId: Types.ObjectId;
  places: number;
  points: number;
  /** The points ledger's reason for the spending. */
  reason: string;
  state: SagaState;
  /** Why it did not end granted: the refusal or the failure met. */
  failure: string | null;
  startedAt: Date;
  /** When it last moved: recovery takes over sagas left in a middle state (domain/priority-saga.ts). */
  updatedAt: Date;
  finishedAt: Date | null;
}

export const PARKING_PRIORITY_SAGA_FIELDS = {
  applicationId: 1,
  resourceId: 1,
  servedPath: 1,
  applicantId: 1,
  places: 1,
  points: 1,
  reason: 1,
  state: 1,
  failure: 1,
  startedAt: 1,
  updatedAt: 1,
  finishedAt: 1,
} as const;

const parkingPrioritySagaSchema = new Schema<ParkingPrioritySagaDocument>(
  {
    applicationId: { type: Schema.Types.ObjectId, required: true },
    resourceId: { type: Schema.Types.ObjectId, required: true },
    servedPath: { type: [Schema.Types.ObjectId], required: true },
    applicantId: { type: Schema.Types.ObjectId, required: true },
    places: { type: Number, required: true },
    points: { type: Number, required: true },
    reason: { type: String, required: true },
    state: { type: String, enum: SAGA_STATES, required: true },
    failure: { type: String, default: null },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  collectionOptions('parking_priority_sagas'),
);

/** One spending under way per application: the same spending sent twice at once starts one saga. */
export const ONE_OPEN_SAGA_PER_APPLICATION = { applicationId: 1 } as const;

parkingPrioritySagaSchema.index(ONE_OPEN_SAGA_PER_APPLICATION, { unique: true, partialFilterExpression: { state: { $in: [...OPEN_SAGA_STATES] } } });
// The recovery pass: open sagas, oldest move first.
parkingPrioritySagaSchema.index({ state: 1, updatedAt: 1 });
// ParkingApplication.prioritySpendings, in order.
parkingPrioritySagaSchema.index({ applicationId: 1, startedAt: 1, _id: 1 });
// A resident's data export: the points they spent for priority.
parkingPrioritySagaSchema.index({ applicantId: 1, startedAt: 1 });

export function parkingPrioritySagaModel(connection: Connection) {
  return connection.model<ParkingPrioritySagaDocument>('ParkingPrioritySaga', parkingPrioritySagaSchema);
}
