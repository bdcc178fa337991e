import type { InputViolation } from '@civic/service-kit';

/** Rules of micro-actions (微行动): their time window, capacity, status, sign-ups and check-ins. */

export const ACTIVITY_CATEGORIES = [
  'POLICY_OUTREACH',
  'HEALTH',
  'HOUSEWORK',
  'ELDERLY_CARE',
  'CHILD_CARE',
  'HARDSHIP_RELIEF',
  'CULTURE_SPORT',
  'MEDIATION',
  'SECURITY_PATROL',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export const ACTIVITY_VISIBILITIES = ['PUBLIC', 'COMMUNITY'] as const;
export type ActivityVisibility = (typeof ACTIVITY_VISIBILITIES)[number];

export type ActivityStatus = 'OPEN' | 'FULL' | 'ONGOING' | 'FINISHED' | 'CANCELLED';

export const MIN_CAPACITY = 1;
// A neighbourhood activity, not a stadium event: the participant list lives in the activity.
export const MAX_CAPACITY = 500;
// Longer than a week is a programme, not one activity.
export const MAX_ACTIVITY_HOURS = 7 * 24;
export const MAX_CO_HOSTS = 10;

const HOUR = 3600_000;

export interface ActivityTiming {
  startsAt: Date;
  endsAt: Date;
}

export interface ActivityState extends ActivityTiming {
  cancelled: boolean;
  capacity: number;
  signedUpCount: number;
}

export function startsInThePast(): InputViolation {
  return { field: 'startsAt', message: 'must be in the future' };
}

export function endsBeforeStart(): InputViolation {
  return { field: 'endsAt', message: 'must be after startsAt' };
}

export function activityTooLong(): InputViolation {
  return { field: 'endsAt', message: `must be at most ${MAX_ACTIVITY_HOURS} hours after startsAt` };
}

/** Why a window cannot be published at `now`, or null when it can. */
export function activityWindowError(window: ActivityTiming, now: Date): InputViolation | null {
  if (window.startsAt.getTime() <= now.getTime()) return startsInThePast();
  if (window.endsAt.getTime() <= window.startsAt.getTime()) return endsBeforeStart();
  if (durationHours(window) > MAX_ACTIVITY_HOURS) return activityTooLong();
  return null;
}

export function durationHours(window: ActivityTiming): number {
  return (window.endsAt.getTime() - window.startsAt.getTime()) / HOUR;
}

export function activityStatus(activity: ActivityState, now: Date): ActivityStatus {
  if (activity.cancelled) return 'CANCELLED';
  if (now.getTime() >= activity.endsAt.getTime()) return 'FINISHED';
  if (now.getTime() >= activity.startsAt.getTime()) return 'ONGOING';
  return activity.signedUpCount >= activity.capacity ? 'FULL' : 'OPEN';
}

/** Residents sign up and cancel only before the activity starts, and only if it was not cancelled. */
export function acceptsSignUpChanges(activity: Pick<ActivityState, 'cancelled' | 'startsAt'>, now: Date): boolean {
  return !activity.cancelled && now.getTime() < activity.startsAt.getTime();
}

/** Only an activity that has not ended or been cancelled may be cancelled. */
export function canCancel(status: ActivityStatus): boolean {
  return status === 'OPEN' || status === 'FULL' || status === 'ONGOING';
}

/** Check-ins are recorded once the activity has started, never for a cancelled one. */
export function acceptsCheckIns(status: ActivityStatus): boolean {
  return status === 'ONGOING' || status === 'FINISHED';
}

/**
 * The service hours a check-in records: the activity's length unless staff say fewer (someone
 * came late); never more, never zero. Kept to two decimals.
 */
export function serviceHoursFor(window: ActivityTiming, requested: number | null | undefined): { hours: number } | { error: InputViolation } {
  const maximum = durationHours(window);
  const hours = requested ?? maximum;
  if (!Number.isFinite(hours) || hours <= 0) return { error: noServiceHours() };
  if (hours > maximum) return { error: hoursBeyondActivity(maximum) };
  return { hours: round(hours) };
}

export function noServiceHours(): InputViolation {
  return { field: 'hours', message: 'must be more than 0' };
}

/** More hours than the activity lasted (`maximum`, its length in hours). */
export function hoursBeyondActivity(maximum: number): InputViolation {
  return { field: 'hours', message: `must be at most the activity's length, ${round(maximum)} hours` };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
