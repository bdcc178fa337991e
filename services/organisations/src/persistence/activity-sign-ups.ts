import { isDuplicateKeyError } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { ActivityDocument } from '../models/activity.ts';
import { freeSeats, maxSeatAttempts } from '../domain/activity-rules.ts';

export type SignUpOutcome = 'SIGNED_UP' | 'ALREADY_SIGNED_UP' | 'FULL' | 'BUSY';

/**
 * Takes a free seat for the resident. Correctness rests on the two unique indexes of
 * activity_sign_ups alone: the read only suggests a seat that is probably free, and a lost race
 * (a duplicate key) means reading again.
 */
export async function claimSeat(
  models: Models,
  activity: Pick<ActivityDocument, '_id' | 'capacity'>,
  residentId: Types.ObjectId,
  now: Date,
): Promise<SignUpOutcome> {
  for (let attempt = 0; attempt < maxSeatAttempts(activity.capacity); attempt++) {
    const holders = await models.ActivitySignUp.find({ activityId: activity._id }, { seat: 1, residentId: 1 }).lean();
    if (holders.some((holder) => holder.residentId.equals(residentId))) return 'ALREADY_SIGNED_UP';
    const free = freeSeats(activity.capacity, holders.map((holder) => holder.seat));
    if (free.length === 0) return 'FULL';
    // A random free seat, so that residents signing up together rarely reach for the same one.
    const seat = free[Math.floor(Math.random() * free.length)]!;
    try {
      await models.ActivitySignUp.create({ activityId: activity._id, residentId, seat, signedUpAt: now });
      return 'SIGNED_UP';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return 'BUSY';
}

/** Gives the resident's seat back; false when the resident held none. */
export async function releaseSeat(models: Models, activityId: Types.ObjectId, residentId: Types.ObjectId): Promise<boolean> {
  const { deletedCount } = await models.ActivitySignUp.deleteOne({ activityId, residentId });
  return deletedCount === 1;
}

export async function holdsSeat(models: Models, activityId: Types.ObjectId, residentId: Types.ObjectId): Promise<boolean> {
  return (await models.ActivitySignUp.exists({ activityId, residentId })) !== null;
}
