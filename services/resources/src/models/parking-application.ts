import { Schema, type Connection, type Types } from 'mongoose';
import { PARKING_APPLICATION_STATUSES, type ParkingApplicationStatus } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/**
 * A resident's application for a shared parking place. Two unique keys, without partial indexes:
 * `placeKey` is "resource:place" while the place is allocated (never more than the quota), and
 * `applicantKey` is "resource:resident" while the application is allocated or waiting (one open
 * application per resident). Otherwise each key is the application's own id, which frees it.
 */
export interface ParkingApplicationDocument {
  _id: Types.ObjectId;
  resourceId: Types.ObjectId;
  servedPath: Types.ObjectId[];
  applicantId: Types.ObjectId;
  status: ParkingApplicationStatus;
  place: number | null;
  placeKey: string;
  applicantKey: string;
  appliedAt: Date;
  allocatedAt: Date | null;
  releasedAt: Date | null;
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
} as const;

const parkingApplicationSchema = new Schema<ParkingApplicationDocument>(
  {
    resourceId: { type: Schema.Types.ObjectId, required: true },
    servedPath: { type: [Schema.Types.ObjectId], required: true },
    applicantId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: PARKING_APPLICATION_STATUSES, required: true },
    place: { type: Number, default: null },
    placeKey: { type: String, required: true },
    applicantKey: { type: String, required: true },
    appliedAt: { type: Date, required: true },
    allocatedAt: { type: Date, default: null },
    releasedAt: { type: Date, default: null },
  },
  collectionOptions('parking_applications'),
);

parkingApplicationSchema.index({ placeKey: 1 }, { unique: true });
parkingApplicationSchema.index({ applicantKey: 1 }, { unique: true });
// The queue and ParkingQuota.applications, in order of application.
parkingApplicationSchema.index({ resourceId: 1, status: 1, appliedAt: 1, _id: 1 });

export function parkingApplicationModel(connection: Connection) {
  return connection.model<ParkingApplicationDocument>('ParkingApplication', parkingApplicationSchema);
}

export function placeKey(resourceId: Types.ObjectId, place: number): string {
  return `${resourceId.toHexString()}:${place}`;
}

export function applicantKey(resourceId: Types.ObjectId, applicantId: Types.ObjectId): string {
  return `${resourceId.toHexString()}:${applicantId.toHexString()}`;
}
