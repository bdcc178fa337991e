import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/** One participant's attendance of one activity, with the service hours it earned. */
export interface ActivityCheckInDocument {
  _id: Types.ObjectId;
  activityId: Types.ObjectId;
  residentId: Types.ObjectId;
  hours: number;
  checkedInAt: Date;
  /** The token subject of the staff member who recorded it. */
  checkedInBy: string;
  /** Set when the resident closed their account: residentId is then a random id of this record's own. */
  anonymisedAt?: Date;
}

export const ACTIVITY_CHECK_IN_FIELDS = { activityId: 1, residentId: 1, hours: 1, checkedInAt: 1, anonymisedAt: 1 } as const;

const activityCheckInSchema = new Schema<ActivityCheckInDocument>(
  {
    activityId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    hours: { type: Number, required: true },
    checkedInAt: { type: Date, required: true },
    checkedInBy: { type: String, required: true },
    anonymisedAt: { type: Date },
  },
  collectionOptions('activity_check_ins'),
);

// A participant is checked in once per activity.
activityCheckInSchema.index({ activityId: 1, residentId: 1 }, { unique: true });
// Activity.checkIns, earliest first.
activityCheckInSchema.index({ activityId: 1, checkedInAt: 1, _id: 1 });
// Resident.serviceHours.
activityCheckInSchema.index({ residentId: 1 });

export function activityCheckInModel(connection: Connection) {
  return connection.model<ActivityCheckInDocument>('ActivityCheckIn', activityCheckInSchema);
}
