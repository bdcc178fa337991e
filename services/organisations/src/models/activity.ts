import { Schema, type Connection, type Types } from 'mongoose';
import type { GeoJsonPoint } from '@civic/service-kit';
import { ACTIVITY_CATEGORIES, ACTIVITY_VISIBILITIES, type ActivityCategory, type ActivityVisibility } from '../domain/activity-rules.ts';
import { collectionOptions } from './schema-options.ts';

export interface ActivityPlaceDocument {
  address: string;
  location: GeoJsonPoint;
}

export interface ActivityDocument {
  _id: Types.ObjectId;
  category: ActivityCategory;
  title: string;
  description: string;
  hostId: Types.ObjectId;
  /** The host's path, copied at creation: `{ hostPath: x }` is everything hosted in x's subtree. */
  hostPath: Types.ObjectId[];
  coHostIds: Types.ObjectId[];
  startsAt: Date;
  endsAt: Date;
  place: ActivityPlaceDocument;
  /** Never changes after creation. */
  capacity: number;
  /**
   * How many residents are signed up, never above capacity: it moves only together with a sign-up
   * document, in one transaction (persistence/activity-sign-ups.ts).
   */
  signedUpCount: number;
  visibility: ActivityVisibility;
  cancelled: boolean;
  createdAt: Date;
}

export const ACTIVITY_FIELDS = {
  category: 1,
  title: 1,
  description: 1,
  hostId: 1,
  hostPath: 1,
  coHostIds: 1,
  startsAt: 1,
  endsAt: 1,
  place: 1,
  capacity: 1,
  signedUpCount: 1,
  visibility: 1,
  cancelled: 1,
  createdAt: 1,
} as const;

const activitySchema = new Schema<ActivityDocument>(
  {
    category: { type: String, enum: ACTIVITY_CATEGORIES, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    hostId: { type: Schema.Types.ObjectId, required: true },
    hostPath: { type: [Schema.Types.ObjectId], required: true },
    coHostIds: { type: [Schema.Types.ObjectId], required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    place: {
      address: { type: String, required: true },
      // GeoJSON, for the 2dsphere index.
      location: {
        type: { type: String, enum: ['Point'], required: true },
        coordinates: { type: [Number], required: true },
      },
    },
    capacity: { type: Number, required: true },
    signedUpCount: { type: Number, required: true },
    visibility: { type: String, enum: ACTIVITY_VISIBILITIES, required: true },
    cancelled: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('activities'),
);

// activities(): by start time, optionally narrowed by category, host subtree or visibility.
activitySchema.index({ startsAt: 1, _id: 1 });
activitySchema.index({ category: 1, startsAt: 1, _id: 1 });
activitySchema.index({ hostPath: 1, startsAt: 1, _id: 1 });
activitySchema.index({ visibility: 1, startsAt: 1, _id: 1 });
// activities(filter: { near }): $geoNear, with the other filters as its query.
activitySchema.index({ 'place.location': '2dsphere' });

export function activityModel(connection: Connection) {
  return connection.model<ActivityDocument>('Activity', activitySchema);
}
