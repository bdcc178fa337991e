import { describe, expect, it } from 'vitest';
import { isEventKind, newEvent } from '../src/index.ts';

describe('an event as its department writes it', () => {
  it('carries a fresh id, its owner as source, the time it happened and the request that caused it', () => {
    const facts = { notificationId: '6650a0000000000000000001', recipient: { type: 'Resident' as const, id: '6650a0000000000000000002' }, kind: 'CLAIM_WON' };
    const first = newEvent('notification.created', facts, new Date('2026-11-30T02:00:00.000Z'), 'req-7');
    const second = newEvent('notification.created', facts, new Date('2026-11-30T02:00:00.000Z'));
    expect({ ...first, id: 'id' }).toEqual({ id: 'id', kind: 'notification.created', source: 'notifications', occurredAt: '2026-11-30T02:00:00.000Z', requestId: 'req-7', facts });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
    expect(second.requestId).toBeNull();
    expect(newEvent('request.routed', { wishId: 'w', requesterId: 'r', handlerId: 'h', deadline: null }, new Date(0)).source).toBe('wishes');
  });

  it('names only kinds of the catalogue', () => {
    expect([isEventKind('notification.created'), isEventKind('wish.claimed'), isEventKind('wish.deleted'), isEventKind('toString')]).toEqual([true, true, false, false]);
  });
});
