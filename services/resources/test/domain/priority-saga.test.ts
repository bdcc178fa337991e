import { expect, it } from 'vitest';
import { isFinished, mayMove, recoveryStep, SAGA_STALE_AFTER_MS, SAGA_STATES } from '../../src/domain/priority-saga.ts';

it('moves forward to granted, or through compensating to compensated, or fails at the spend', () => {
  const moves = SAGA_STATES.flatMap((from) => SAGA_STATES.filter((to) => mayMove(from, to)).map((to) => `${from}→${to}`));
  expect(moves).toEqual([
    'STARTED→POINTS_DEDUCTED',
    'STARTED→COMPENSATING',
    'STARTED→FAILED',
    'POINTS_DEDUCTED→PRIORITY_GRANTED',
    'POINTS_DEDUCTED→COMPENSATING',
    'COMPENSATING→COMPENSATED',
  ]);
  expect(SAGA_STATES.filter(isFinished)).toEqual(['PRIORITY_GRANTED', 'COMPENSATED', 'FAILED']);
});

it('recovers a refund at once, and a middle state only once a request would have finished it', () => {
  const now = new Date('2030-03-01T08:00:00Z');
  const fresh = new Date(now.getTime() - SAGA_STALE_AFTER_MS + 1);
  const stale = new Date(now.getTime() - SAGA_STALE_AFTER_MS);
  expect(recoveryStep('COMPENSATING', now, now)).toBe('REFUND');
  expect(recoveryStep('STARTED', fresh, now)).toBe('NONE');
  expect(recoveryStep('POINTS_DEDUCTED', fresh, now)).toBe('NONE');
  expect(recoveryStep('STARTED', stale, now)).toBe('COMPENSATE');
  expect(recoveryStep('POINTS_DEDUCTED', stale, now)).toBe('GRANT');
  for (const finished of ['PRIORITY_GRANTED', 'COMPENSATED', 'FAILED'] as const) expect(recoveryStep(finished, stale, now)).toBe('NONE');
});
