import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/**
 * A resident's place in an activity. Two unique indexes make sign-ups race-free on MongoDB and
 * FerretDB alike: (activity, resident) refuses a second sign-up, and (activity, seat) with seats
 * numbered 1..capacity refuses a place beyond capacity. (A conditional `$inc` on the activity
 * would be enough on MongoDB, but FerretDB 1.24 loses concurrent updates to one document.)
 */
export interface ActivitySignUpDocument {
  _id: Types.ObjectId;
  activityId: Types.ObjectId;
  residentId: Types.ObjectId;
  seat: number;
  signedUpAt: Date;
}

export const ACTIVITY_SIGN_UP_FIELDS = { activityId: 1, residentId: 1, seat: 1, signedUpAt: 1 } as const;

const activitySignUpSchema = new Schema<ActivitySignUpDocument>(
  {
    activityId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    seat: { type: Number, required: true },
    signedUpAt: { type: Date, required: true },
  },
  collectionOptions('activity_sign_ups'),
);

// One sign-up per resident and activity; also serves Activity.participants and the counts.
activitySignUpSchema.index({ activityId: 1, residentId: 1 }, { unique: true });
// One resident per seat: never more sign-ups than seats.
activitySignUpSchema.index({ activityId: 1, seat: 1 }, { unique: true });
// Resident.activities.
activitySignUpSchema.index({ residentId: 1, activityId: 1 });

export function activitySignUpModel(connection: Connection) {
  return connection.model<ActivitySignUpDocument>('ActivitySignUp', activitySignUpSchema);
}
