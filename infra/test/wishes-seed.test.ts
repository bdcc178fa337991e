import { expect, it } from 'vitest';
import { generateSeedData } from '../src/seed/seed-data.ts';
import { PLANS } from '../src/seed/plan.ts';
import { nextStatus } from '../../services/wishes/src/domain/wish-state-machine.ts';
import { WISH_STATUSES } from '../../services/wishes/src/domain/vocabulary.ts';
import type { WishDocument } from '../../services/wishes/src/models/wish.ts';

// The sample street's wishes: every state, each reached through the service's own state machine.
it('seeds the sample street with wishes in every state, each timeline a legal walk', () => {
  const wishes: WishDocument[] = [];
  for (const collection of generateSeedData(PLANS.street, new Date('2025-07-01T02:00:00.000Z'))) {
    if (collection.model === 'Wish') for (const chunk of collection.chunks) wishes.push(...(chunk as WishDocument[]));
  }
  const statuses = new Set(wishes.map((wish) => wish.status));
  expect([...statuses].sort()).toEqual([...WISH_STATUSES].sort());
  const illegal = wishes.filter((wish) => {
    let status = wish.timeline[0]!.status;
    for (const entry of wish.timeline.slice(1)) {
      if (nextStatus({ status, kind: wish.kind }, entry.action) !== entry.status) return true;
      status = entry.status;
    }
    return status !== wish.status;
  });
  expect(illegal.length).toBe(0);
  expect(wishes.length >= 6 * 140 && wishes.length <= 6 * 160).toBe(true);
});
