import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { initialQueueKey, keyBetween } from '../../src/domain/queue-keys.ts';
import {
  keyAhead,
  placesBelowOne,
  placesOverCap,
  placesPastTheHead,
  priorityPrice,
  priorityViolation,
  refundReason,
  spendingReason,
} from '../../src/domain/parking-priority.ts';
import { byQueueOrder, queueKeyOf, waitingPositions } from '../../src/domain/parking-rules.ts';

describe('queue keys', () => {
  it('orders initial keys by time of application, then id', () => {
    const [a, b] = [new Types.ObjectId('000000000000000000000001'), new Types.ObjectId('000000000000000000000002')];
    const early = new Date('2030-01-01T08:00:00Z');
    const late = new Date('2030-01-01T08:00:00.001Z');
    expect(initialQueueKey(early, b) < initialQueueKey(late, a)).toBe(true);
    expect(initialQueueKey(early, a) < initialQueueKey(early, b)).toBe(true);
    // 1893484800000 ms is 1b8dc7d2800 in hexadecimal.
    expect(initialQueueKey(early, a)).toBe('01b8dc7d2800' + '000000000000000000000001' + '1');
  });

  it('finds a key strictly between any two, and before the first', () => {
    expect(keyBetween(null, '8')).toBe('4');
    expect(keyBetween('1', '2')).toBe('18');
    expect(keyBetween('1', '11')).toBe('108');
    expect(keyBetween('0f', '1')).toBe('0f8');
    expect(keyBetween(null, '01')).toBe('008');
    expect(() => keyBetween('2', '2')).toThrow();
  });

  it('keeps finding room when one place is split again and again', () => {
    let high = '2';
    const low = '1';
    for (let round = 0; round < 200; round++) {
      const between = keyBetween(low, high);
      expect(low < between && between < high).toBe(true);
      expect(between.endsWith('0')).toBe(false);
      high = between;
    }
  });
});

describe('buying priority', () => {
  it('costs 20 points a place', () => {
    expect(priorityPrice(1)).toBe(20);
    expect(priorityPrice(3)).toBe(60);
  });

  it('moves within the waiting list only, at most 5 places per application in all', () => {
    expect(priorityViolation({ places: 2, position: 3, placesBought: 0 })).toBeNull();
    expect(priorityViolation({ places: 3, position: 3, placesBought: 0 })).toEqual(placesPastTheHead(3));
    expect(priorityViolation({ places: 1, position: 1, placesBought: 0 })).toEqual(placesPastTheHead(1));
    expect(priorityViolation({ places: 0, position: 9, placesBought: 0 })).toEqual(placesBelowOne());
    expect(priorityViolation({ places: 1.5, position: 9, placesBought: 0 })).toEqual(placesBelowOne());
    expect(priorityViolation({ places: 6, position: 9, placesBought: 0 })).toEqual(placesOverCap(5));
    expect(priorityViolation({ places: 2, position: 9, placesBought: 4 })).toEqual(placesOverCap(1));
    expect(priorityViolation({ places: 1, position: 9, placesBought: 4 })).toBeNull();
  });

  it('puts the application just before the one standing where it moves to', () => {
    const ids = Array.from({ length: 5 }, (_, index) => new Types.ObjectId(`00000000000000000000000${index + 1}`));
    const at = new Date('2030-01-01T08:00:00Z');
    const queue = ids.map((_id) => ({ _id, appliedAt: at, queueKey: null as string | null }));
    const keys = queue.map(queueKeyOf);
    queue[4]!.queueKey = keyAhead(keys, 4, 2);
    expect([...queue].sort(byQueueOrder).map((entry) => entry._id)).toEqual([ids[0], ids[1], ids[4], ids[2], ids[3]]);
    expect(waitingPositions(queue).get(ids[4]!.toHexString())).toBe(3);

    // To the head: before the first.
    queue[3]!.queueKey = keyAhead([...queue].sort(byQueueOrder).map(queueKeyOf), 4, 4);
    expect([...queue].sort(byQueueOrder).map((entry) => entry._id)).toEqual([ids[3], ids[0], ids[1], ids[4], ids[2]]);
  });

  it('names the spending and its refund on the points ledger', () => {
    expect(spendingReason('商业广场共享车位', 2)).toBe('共享车位「商业广场共享车位」排队前移2位');
    expect(refundReason('共享车位「商业广场共享车位」排队前移2位')).toBe('退还：共享车位「商业广场共享车位」排队前移2位（未能办理）');
  });
});
