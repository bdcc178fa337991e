import { describe, expect, it } from 'vitest';
import { newEvent, type EventFacts, type EventKind } from '@civic/events';
import { LIVE_FIELDS, LIVE_KINDS, type LiveField } from '../src/live/live-fields.ts';

// Which subscriptions an event concerns, and the record each push shows.
const at = new Date('2026-11-30T02:00:00.000Z');
const event = <K extends EventKind>(kind: K, facts: EventFacts[K]) => newEvent(kind, facts, at);
const { wishChanged, handlerQueueChanged, mobilisationChanged, myNotifications } = LIVE_FIELDS;

describe('what an event concerns', () => {
  it("concerns a wish's followers for every event of the wishes department, by its id", () => {
    const claimed = event('wish.claimed', { wishId: 'w1', requesterId: 'r1', claimant: { type: 'Resident', id: 'r2' }, communityId: 'c1' });
    expect([wishChanged.keysOf(claimed), wishChanged.targetOf(claimed)]).toEqual([['w1'], 'w1']);
    expect(wishChanged.keysOf(event('booking.made', { bookingId: 'b1', resourceId: 'x1', bookedBy: { type: 'Resident', id: 'r1' } }))).toEqual([]);
    expect(wishChanged.kinds).toContain('request.overdue');
  });

  it('concerns the queues of every handler an event names', () => {
    const queues = (e: Parameters<LiveField['keysOf']>[0]) => [handlerQueueChanged.keysOf(e), handlerQueueChanged.targetOf(e)];
    expect(queues(event('request.routed', { wishId: 'w1', requesterId: 'r1', handlerId: 'h1', deadline: null }))).toEqual([['h1'], 'w1']);
    expect(queues(event('request.dispatched', { wishId: 'w1', requesterId: 'r1', handlerIds: ['h1', 'h2'] }))).toEqual([['h1', 'h2'], 'w1']);
    expect(queues(event('wish.escalated', { wishId: 'w1', requesterId: 'r1', fromHandlerId: 'h1', toOrganisationId: 's1' }))).toEqual([['h1', 's1'], 'w1']);
    expect(queues(event('wish.escalated', { wishId: 'w1', requesterId: 'r1', fromHandlerId: null, toOrganisationId: 's1' }))).toEqual([['s1'], 'w1']);
    expect(queues(event('wish.reopened', { wishId: 'w1', requesterId: 'r1', previousClaimant: { type: 'Resident', id: 'r2' }, handlerId: null }))).toEqual([[], 'w1']);
    expect(handlerQueueChanged.kinds).not.toContain('wish.claimed');
  });

  it("concerns a mobilisation's followers for each of its events, by its id", () => {
    const ids = { mobilisationId: 'm1', gridId: 'g1', communityId: 'c1' };
    const visited = event('mobilisation.householdVisited', { ...ids, visitId: 'v1' });
    expect([mobilisationChanged.keysOf(visited), mobilisationChanged.targetOf(visited)]).toEqual([['m1'], 'm1']);
    expect(mobilisationChanged.keysOf(event('mobilisation.overdue', { ...ids, deadline: '2026-11-30T05:00:00.000Z', unanswered: 1 }))).toEqual(['m1']);
    expect(mobilisationChanged.keysOf(event('activity.signedUp', { activityId: 'a1', residentId: 'r1', organisationId: 'c1' }))).toEqual([]);
    expect(mobilisationChanged.kinds).toEqual(['mobilisation.started', 'mobilisation.householdVisited', 'mobilisation.completed', 'mobilisation.overdue', 'mobilisation.closed']);
  });

  it("concerns a resident's own inbox only, never an organisation's", () => {
    const toResident = event('notification.created', { notificationId: 'n1', recipient: { type: 'Resident', id: 'r1' }, kind: 'CLAIM_WON' });
    const toOrganisation = event('notification.created', { notificationId: 'n2', recipient: { type: 'Organisation', id: 'o1' }, kind: 'REQUEST_RECEIVED' });
    expect([myNotifications.keysOf(toResident), myNotifications.targetOf(toResident), myNotifications.keysOf(toOrganisation)]).toEqual([['r1'], 'n1', []]);
  });

  it('asks the broker for the kinds of every field once', () => {
    expect(new Set(LIVE_KINDS).size).toBe(LIVE_KINDS.length);
    expect(LIVE_KINDS).toContain('notification.created');
    expect(LIVE_KINDS).not.toContain('booking.made');
  });
});
