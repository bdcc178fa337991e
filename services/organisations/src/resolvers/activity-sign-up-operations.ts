import { Types } from 'mongoose';
import { invalidTransition, notFound, parseId, loadTarget, uniquely, requireResident, signedInSubject, requireStaffCovering, invalidInput } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import type { ActivityDocument } from '../models/activity.ts';
import type { ActivityCheckInDocument } from '../models/activity-check-in.ts';
import { acceptsCheckIns, acceptsSignUpChanges, activityStatus, serviceHoursFor } from '../domain/activity-rules.ts';
import { isSignedUp, signUp, withdraw } from '../persistence/activity-sign-ups.ts';
import { checkIn as recordCheckIn } from '../persistence/activity-check-ins.ts';
import { canSeeActivity } from '../authorisation.ts';
import type { Context } from '../context.ts';
import {
  activityFull,
  alreadyCheckedIn,
  alreadySignedUp,
  checkInOutOfScope,
  checkInWithoutSignUp,
  notSignedUp,
  signUpWithoutResidentRecord,
  withdrawWithoutResidentRecord,
} from '../errors.ts';

/** Residents sign themselves up and withdraw; the host's staff check participants in. */
export const activitySignUpMutations: MutationResolvers = {
  signUpForActivity: async (_parent, { activityId }, context) => {
    const residentId = requireResident(context.viewer, signUpWithoutResidentRecord);
    const activity = await visibleActivity(context, activityId);
    const now = context.clock.now();
    requireSignUpsOpen(activity, now, 'accept sign-ups');
    const outcome = await signUp(context.models, activity, residentId, now);
    if ('refused' in outcome) throw outcome.refused === 'FULL' ? activityFull() : alreadySignedUp();
    return outcome.signedUp;
  },

  cancelActivitySignUp: async (_parent, { activityId }, context) => {
    const residentId = requireResident(context.viewer, withdrawWithoutResidentRecord);
    const activity = await visibleActivity(context, activityId);
    requireSignUpsOpen(activity, context.clock.now(), 'accept withdrawals');
    const withdrawn = await withdraw(context.models, activity._id, residentId);
    if (!withdrawn) throw notSignedUp();
    return withdrawn;
  },

  checkInParticipant: async (_parent, { input }, context) => {
    const { viewer, models, loaders, clock } = context;
    const staffMember = signedInSubject(viewer);
    const activity = await loadTarget(loaders.activity, input.activityId, 'Activity');
    requireStaffCovering(viewer, activity.hostPath, checkInOutOfScope);
    const residentId = parseId('residentId', input.residentId);
    const now = clock.now();
    const status = activityStatus(activity, now);
    if (!acceptsCheckIns(status)) throw invalidTransition('Activity', status, 'record check-ins');
    // Sign-ups change only before the start and check-ins begin at the start: this read cannot
    // race a withdrawal.
    if (!(await isSignedUp(models, activity._id, residentId))) throw checkInWithoutSignUp();
    const hours = serviceHoursFor(activity, input.hours);
    if ('error' in hours) throw invalidInput(hours.error);

    const checkIn: ActivityCheckInDocument = {
      _id: new Types.ObjectId(),
      activityId: activity._id,
      residentId,
      hours: hours.hours,
      checkedInAt: now,
      checkedInBy: staffMember,
    };
    await uniquely(() => recordCheckIn(models, activity, checkIn), alreadyCheckedIn);
    return checkIn;
  },
};

async function visibleActivity({ loaders, viewer }: Context, activityId: string): Promise<ActivityDocument> {
  const activity = await loaders.activity.load(activityId);
  if (!activity || !canSeeActivity(viewer, activity)) throw notFound('Activity', activityId);
  return activity;
}

function requireSignUpsOpen(activity: ActivityDocument, now: Date, action: string): void {
  if (!acceptsSignUpChanges(activity, now)) throw invalidTransition('Activity', activityStatus(activity, now), action);
}
