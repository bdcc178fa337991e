import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { quantityError, quantityMissing, quantityOutOfRange, stockAfterTaking, stockError, stockOutOfRange } from '../../src/domain/stock.ts';
import { amountError, amountOutOfRange, balanceAfterMovement, canDecide, mayApprove } from '../../src/domain/fund-rules.ts';
import { byQueueOrder, freePlaces, waitingPositions } from '../../src/domain/parking-rules.ts';
import { canChangeStatus, emptyTag, fieldNotOfKind, foreignAvailabilityField, isServed, normaliseTags, tagTooLong } from '../../src/domain/resource-rules.ts';

describe('goods stock', () => {
  it('never goes below zero', () => {
    expect([stockAfterTaking(5, 3), stockAfterTaking(3, 3), stockAfterTaking(2, 3)]).toEqual([2, 0, null]);
  });

  it('takes whole quantities within limits', () => {
    expect(quantityError(1)).toBe(null);
    expect(quantityError(0)).toEqual(quantityOutOfRange());
    expect(quantityError(1.5)).toEqual(quantityOutOfRange());
    expect(quantityError(null)).toEqual(quantityMissing());
    expect(stockError(-1)).toEqual(stockOutOfRange());
    expect(stockError(0)).toBe(null);
  });
});

describe('fund balance', () => {
  it('pays only what the balance holds, in whole fen', () => {
    expect([balanceAfterMovement(100_000, -30_000), balanceAfterMovement(30_000, -30_000), balanceAfterMovement(29_999, -30_000), balanceAfterMovement(0, 50_000)]).toEqual([
      70_000,
      0,
      null,
      50_000,
    ]);
    expect(amountError('amountFen', 50_000)).toBe(null);
    expect(amountError('amountFen', 0)).toEqual(amountOutOfRange('amountFen'));
    expect(amountError('amountFen', 12.5)).toEqual(amountOutOfRange('amountFen'));
  });

  it('needs a second person to approve, and decides a proposal once', () => {
    expect([mayApprove('staff:li', 'staff:wang'), mayApprove('staff:li', 'staff:li')]).toEqual([true, false]);
    expect([canDecide('PROPOSED'), canDecide('APPROVED'), canDecide('REJECTED')]).toEqual([true, false, false]);
  });
});

describe('parking quota', () => {
  it('hands out the lowest free places 1..quota', () => {
    expect(freePlaces(5, [2, 4])).toEqual([1, 3, 5]);
    expect(freePlaces(2, [1, 2])).toEqual([]);
  });

  it('queues applications in order of application, ids breaking ties', () => {
    const [a, b, c] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    const queue = [
      { _id: c, appliedAt: new Date('2030-01-01T09:00:00Z') },
      { _id: b, appliedAt: new Date('2030-01-01T08:00:00Z') },
      { _id: a, appliedAt: new Date('2030-01-01T08:00:00Z') },
    ];
    expect([...queue].sort(byQueueOrder).map((entry) => entry._id)).toEqual([a, b, c]);
    expect([...waitingPositions(queue)]).toEqual([
      [a.toHexString(), 1],
      [b.toHexString(), 2],
      [c.toHexString(), 3],
    ]);
  });
});

describe('resource description', () => {
  it('trims and deduplicates tags, refusing empty and long ones', () => {
    expect(normaliseTags('tags', [' 助老 ', '助老', '维修'])).toEqual({ tags: ['助老', '维修'] });
    expect(normaliseTags('tags', ['  '])).toEqual({ error: emptyTag('tags') });
    expect(normaliseTags('skills', ['很'.repeat(21)])).toEqual({ error: tagTooLong('skills') });
  });

  it('takes only the availability fields of the kind', () => {
    expect(foreignAvailabilityField('VENUE', { openingHours: [], slotMinutes: 60 })).toBe(null);
    expect(foreignAvailabilityField('VENUE', { stock: 3 })).toEqual(fieldNotOfKind('stock', 'VENUE'));
    expect(foreignAvailabilityField('FUND', { parkingPlaces: 3 })).toEqual(fieldNotOfKind('parkingPlaces', 'FUND'));
  });

  it('keeps a retired resource retired', () => {
    expect([canChangeStatus('ACTIVE', 'SUSPENDED'), canChangeStatus('SUSPENDED', 'ACTIVE'), canChangeStatus('RETIRED', 'ACTIVE'), canChangeStatus('ACTIVE', 'ACTIVE')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('serves its subtree and the organisations above it, not a neighbouring branch', () => {
    const community = ['district', 'street', 'community'];
    expect([
      isServed(community, ['district', 'street', 'community']),
      isServed(community, ['district', 'street', 'community', 'compound']),
      isServed(community, ['district', 'street']),
      isServed(['district', 'street'], ['district', 'street', 'other-community']),
      isServed(community, ['district', 'street', 'other-community']),
      isServed(community, []),
    ]).toEqual([true, true, true, true, false, false]);
  });
});
