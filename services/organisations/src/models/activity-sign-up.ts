import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/**
 * A resident's place in an activity. It is written in one transaction with the activity's
 * `signedUpCount`, whose conditional `$inc` keeps the places within capacity
 * (persistence/activity-sign-ups.ts).
 */
export interface ActivitySignUpDocument {
  _id: Types.ObjectId;
  activityId: Types.ObjectId;
  residentId: Types.ObjectId;
  signedUpAt: Date;
  /** Set when the resident closed their account: residentId is then a random id of this record's own. */
  anonymisedAt?: Date;
}

export const ACTIVITY_SIGN_UP_FIELDS = { activityId: 1, residentId: 1, signedUpAt: 1, anonymisedAt: 1 } as const;

/** A resident signs up for an activity once. */
export const ONE_SIGN_UP_PER_RESIDENT = { activityId: 1, residentId: 1 } as const;

const activitySignUpSchema = new Schema<ActivitySignUpDocument>(
  {
    activityId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    signedUpAt: { type: Date, required: true },
    anonymisedAt: { type: Date },
  },
  collectionOptions('activity_sign_ups'),
);

activitySignUpSchema.index(ONE_SIGN_UP_PER_RESIDENT, { unique: true });
// Activity.participants, earliest sign-up first.
activitySignUpSchema.index({ activityId: 1, signedUpAt: 1, _id: 1 });
// Resident.activities, latest sign-up first.
activitySignUpSchema.index({ residentId: 1, signedUpAt: -1, _id: -1 });

export function activitySignUpModel(connection: Connection) {
  return connection.model<ActivitySignUpDocument>('ActivitySignUp', activitySignUpSchema);
}
