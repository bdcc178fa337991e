import { describe, expect, it } from 'vitest';
import { allSubjects, backoffDelay, eventsSettingsEnv, eventsSettingsFromEnv, newEvent, subjectOf, subjectOfKind } from '../src/index.ts';

describe('events settings', () => {
  it('are absent without NATS_URL, and default the stream and prefix', () => {
    expect(eventsSettingsFromEnv({})).toBeNull();
    expect(eventsSettingsFromEnv({ NATS_URL: 'nats://broker:4222' })).toEqual({ natsUrl: 'nats://broker:4222', streamName: 'CIVIC_EVENTS', subjectPrefix: 'civic', streamReplicas: 1 });
  });

  it('take the stream replicas from NATS_STREAM_REPLICAS, 1 to 5', () => {
    for (const replicas of [1, 3, 5]) expect(eventsSettingsFromEnv({ NATS_URL: 'nats://broker:4222', NATS_STREAM_REPLICAS: String(replicas) })?.streamReplicas).toBe(replicas);
  });

  it.each(['0', '6', '2.5', 'three', '-1'])('refuse NATS_STREAM_REPLICAS=%s at start, naming the variable', (value) => {
    expect(() => eventsSettingsFromEnv({ NATS_URL: 'nats://broker:4222', NATS_STREAM_REPLICAS: value })).toThrow(
      new Error(`NATS_STREAM_REPLICAS must be a whole number from 1 to 5, not "${value}"`),
    );
  });

  it('round-trip through the environment a process is started with', () => {
    const settings = { natsUrl: 'nats://a:4222,nats://b:4222', streamName: 'S', subjectPrefix: 'p', streamReplicas: 3 };
    expect(eventsSettingsFromEnv(eventsSettingsEnv(settings))).toEqual(settings);
  });
});

describe('subjects', () => {
  it('name the prefix, the owning department and the kind', () => {
    expect(subjectOfKind('civic', 'wish.claimed')).toBe('civic.wishes.wish.claimed');
    expect(subjectOfKind('civic', 'activity.checkedIn')).toBe('civic.organisations.activity.checkedIn');
    const event = newEvent('booking.made', { bookingId: 'b', resourceId: 'r', bookedBy: { type: 'Resident', id: 'x' } }, new Date('2026-01-01T00:00:00Z'));
    expect(subjectOf('test_1', event)).toBe('test_1.resources.booking.made');
    expect(allSubjects('civic')).toBe('civic.>');
  });
});

describe('backoffDelay', () => {
  it('doubles from the base each attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 500, 5_000))).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
