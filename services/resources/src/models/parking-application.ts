import { Schema, type Connection, type Types } from 'mongoose';
import { PARKING_APPLICATION_STATUSES, type ParkingApplicationStatus } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/** A resident's application for a shared parking place; the rules of the queue are its unique indexes below. */
export interface ParkingApplicationDocument {
  _id: Types.ObjectId;
  resourceId: Types.ObjectId;
  servedPath: Types.ObjectId[];
  applicantId: Types.ObjectId;
  status: ParkingApplicationStatus;
  place: number | null;
  appliedAt: Date;
  allocatedAt: Date | null;
  releasedAt: Date | null;
  /** Set when the applicant closed their account: applicantId is then a random id of this application's own. */
  anonymisedAt?: Date;
  /** Its place in the queue once points bought it priority; null: order of application (domain/parking-rules.ts). */
  queueKey: string | null;
  /** Places moved up with points so far (domain/parking-priority.ts caps them). */
  priorityPlaces: number;
}

export const PARKING_APPLICATION_FIELDS = {
  resourceId: 1,
  servedPath: 1,
  applicantId: 1,
  status: 1,
  place: 1,
  appliedAt: 1,
  allocatedAt: 1,
  releasedAt: 1,
  anonymisedAt: 1,
  queueKey: 1,
  priorityPlaces: 1,
} as const;

const parkingApplicationSchema = new Schema<ParkingApplicationDocument>(
  {
    resourceId: { type: Schema.Types.ObjectId, required: true },
    servedPath: { type: [Schema.Types.ObjectId], required: true },
    applicantId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: PARKING_APPLICATION_STATUSES, required: true },
    place: { type: Number, default: null },
    appliedAt: { type: Date, required: true },
    allocatedAt: { type: Date, default: null },
    releasedAt: { type: Date, default: null },
    anonymisedAt: { type: Date },
    queueKey: { type: String, default: null },
    priorityPlaces: { type: Number, default: 0 },
  },
  collectionOptions('parking_applications'),
);

/** A place of the quota is allocated to one application at a time. */
export const ONE_HOLDER_PER_PLACE = { resourceId: 1, place: 1 } as const;
/** A resident has one open application (waiting or allocated) per parking quota. */
export const ONE_OPEN_APPLICATION_PER_RESIDENT = { resourceId: 1, applicantId: 1 } as const;

parkingApplicationSchema.index(ONE_HOLDER_PER_PLACE, { unique: true, partialFilterExpression: { status: 'ALLOCATED' } });
parkingApplicationSchema.index(ONE_OPEN_APPLICATION_PER_RESIDENT, { unique: true, partialFilterExpression: { status: { $in: ['WAITING', 'ALLOCATED'] } } });
// The queue and ParkingQuota.applications, in order of application.
parkingApplicationSchema.index({ resourceId: 1, status: 1, appliedAt: 1, _id: 1 });
// A resident's data export: their applications.
parkingApplicationSchema.index({ applicantId: 1, appliedAt: 1 });

export function parkingApplicationModel(connection: Connection) {
  return connection.model<ParkingApplicationDocument>('ParkingApplication', parkingApplicationSchema);
}
