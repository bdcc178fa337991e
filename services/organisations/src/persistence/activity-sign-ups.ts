import { inTransaction, isDuplicateKeyOn, recordRequestEvents, returnUpdated } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import { ACTIVITY_FIELDS, type ActivityDocument } from '../models/activity.ts';
import { ONE_SIGN_UP_PER_RESIDENT } from '../models/activity-sign-up.ts';

export type SignUpOutcome = { signedUp: ActivityDocument } | { refused: 'ALREADY_SIGNED_UP' | 'FULL' };

/** Thrown inside a sign-up's transaction when no place is left, so that its sign-up document is not kept. */
class NoPlaceLeft extends Error {}

/**
 * Signs the resident up: the sign-up document and the activity's count, in one transaction. The
 * count moves by a `$inc` conditional on a place being left, so residents signing up at once get
 * exactly as many places as there are (racing transactions on one activity conflict, and the
 * driver runs the loser again on what the winner left); the unique (activity, resident) index
 * refuses a second sign-up. activity.signedUp goes to the outbox with them. Returns the activity as counted.
 */
export async function signUp(models: Models, activity: Pick<ActivityDocument, '_id' | 'capacity' | 'hostId'>, residentId: Types.ObjectId, now: Date): Promise<SignUpOutcome> {
  try {
    const counted = await inTransaction(models.Activity.db, async (session) => {
      await models.ActivitySignUp.create([{ activityId: activity._id, residentId, signedUpAt: now }], { session });
      const placed = await models.Activity.findOneAndUpdate(
        { _id: activity._id, signedUpCount: { $lt: activity.capacity } },
        { $inc: { signedUpCount: 1 } },
        { ...returnUpdated(ACTIVITY_FIELDS), session },
      ).lean<ActivityDocument>();
      if (!placed) throw new NoPlaceLeft();
      const facts = { activityId: activity._id.toHexString(), residentId: residentId.toHexString(), organisationId: activity.hostId.toHexString() };
      await recordRequestEvents(models.Outbox, session, [{ kind: 'activity.signedUp', facts }], now);
      return placed;
    });
    return { signedUp: counted };
  } catch (error) {
    if (error instanceof NoPlaceLeft) return { refused: 'FULL' };
    if (isDuplicateKeyOn(error, ONE_SIGN_UP_PER_RESIDENT)) return { refused: 'ALREADY_SIGNED_UP' };
    throw error;
  }
}

/** Takes the resident's sign-up back, and its place from the count, in one transaction; null when the resident held none. */
export async function withdraw(models: Models, activityId: Types.ObjectId, residentId: Types.ObjectId): Promise<ActivityDocument | null> {
  return inTransaction(models.Activity.db, async (session) => {
    const { deletedCount } = await models.ActivitySignUp.deleteOne({ activityId, residentId }, { session });
    if (deletedCount === 0) return null;
    return models.Activity.findOneAndUpdate({ _id: activityId }, { $inc: { signedUpCount: -1 } }, { ...returnUpdated(ACTIVITY_FIELDS), session }).lean<ActivityDocument>();
  });
}

export async function isSignedUp(models: Models, activityId: Types.ObjectId, residentId: Types.ObjectId): Promise<boolean> {
  return (await models.ActivitySignUp.exists({ activityId, residentId })) !== null;
}
