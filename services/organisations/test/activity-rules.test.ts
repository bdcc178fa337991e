import { describe, expect, it } from 'vitest';
import {
  acceptsCheckIns,
  acceptsSignUpChanges,
  activityStatus,
  activityTooLong,
  activityWindowError,
  canCancel,
  endsBeforeStart,
  hoursBeyondActivity,
  noServiceHours,
  serviceHoursFor,
  startsInThePast,
  type ActivityState,
} from '../src/domain/activity-rules.ts';

const now = new Date('2025-03-01T08:00:00+08:00');
const at = (iso: string) => new Date(iso);

describe('activityWindowError', () => {
  it('accepts a future window that ends after it starts', () => {
    expect(activityWindowError({ startsAt: at('2025-03-02T09:00:00+08:00'), endsAt: at('2025-03-02T11:30:00+08:00') }, now)).toBe(null);
  });

  it('refuses a start in the past or now', () => {
    expect(activityWindowError({ startsAt: now, endsAt: at('2025-03-02T11:00:00+08:00') }, now)).toEqual(startsInThePast());
  });

  it('refuses an end at or before the start', () => {
    const startsAt = at('2025-03-02T09:00:00+08:00');
    expect(activityWindowError({ startsAt, endsAt: startsAt }, now)).toEqual(endsBeforeStart());
    expect(activityWindowError({ startsAt, endsAt: at('2025-03-02T08:00:00+08:00') }, now)).toEqual(endsBeforeStart());
  });

  it('refuses a window longer than a week', () => {
    expect(activityWindowError({ startsAt: at('2025-03-02T09:00:00+08:00'), endsAt: at('2025-03-09T09:00:01+08:00') }, now)).toEqual(activityTooLong());
  });
});

describe('activityStatus', () => {
  const activity: ActivityState = {
    startsAt: at('2025-03-02T09:00:00+08:00'),
    endsAt: at('2025-03-02T11:00:00+08:00'),
    cancelled: false,
    capacity: 10,
    signedUpCount: 3,
  };

  it('is OPEN before the start with places left, FULL without', () => {
    expect(activityStatus(activity, now)).toBe('OPEN');
    expect(activityStatus({ ...activity, signedUpCount: 10 }, now)).toBe('FULL');
  });

  it('is ONGOING from the start and FINISHED from the end', () => {
    expect(activityStatus(activity, at('2025-03-02T09:00:00+08:00'))).toBe('ONGOING');
    expect(activityStatus(activity, at('2025-03-02T11:00:00+08:00'))).toBe('FINISHED');
  });

  it('is CANCELLED whatever the time', () => {
    expect(activityStatus({ ...activity, cancelled: true }, now)).toBe('CANCELLED');
    expect(activityStatus({ ...activity, cancelled: true }, at('2025-03-03T00:00:00+08:00'))).toBe('CANCELLED');
  });

  it('says what each status allows', () => {
    const statuses = ['OPEN', 'FULL', 'ONGOING', 'FINISHED', 'CANCELLED'] as const;
    expect(statuses.map(canCancel)).toEqual([true, true, true, false, false]);
    expect(statuses.map(acceptsCheckIns)).toEqual([false, false, true, true, false]);
  });

  it('takes sign-ups and withdrawals until the start, never for a cancelled activity', () => {
    expect(acceptsSignUpChanges(activity, now)).toBe(true);
    expect(acceptsSignUpChanges(activity, at('2025-03-02T08:59:59+08:00'))).toBe(true);
    expect(acceptsSignUpChanges(activity, at('2025-03-02T09:00:00+08:00'))).toBe(false);
    expect(acceptsSignUpChanges({ ...activity, cancelled: true }, now)).toBe(false);
  });
});

describe('serviceHoursFor', () => {
  const window = { startsAt: at('2025-03-02T09:00:00+08:00'), endsAt: at('2025-03-02T11:30:00+08:00') };

  it("defaults to the activity's length", () => {
    expect(serviceHoursFor(window, null)).toEqual({ hours: 2.5 });
  });

  it('records fewer hours for someone who came late, rounded to two decimals', () => {
    expect(serviceHoursFor(window, 1)).toEqual({ hours: 1 });
    expect(serviceHoursFor(window, 1 / 3)).toEqual({ hours: 0.33 });
  });

  it('never records zero, negative or more than the length', () => {
    expect(serviceHoursFor(window, 0)).toEqual({ error: noServiceHours() });
    expect(serviceHoursFor(window, -1)).toEqual({ error: noServiceHours() });
    expect(serviceHoursFor(window, 3)).toEqual({ error: hoursBeyondActivity(2.5) });
  });
});
