import { describe, expect, it } from 'vitest';
import { emptyText, notWholeNumberInRange } from '@civic/service-kit';
import { EMPTY_LEDGER, nextLedgerHead, requireAwardSource, requirePointsAmount, requireReason } from '../../src/domain/points.ts';
import { insufficientPoints, notAnAwardSource } from '../../src/errors.ts';

describe('nextLedgerHead', () => {
  it('numbers entries from 1 and keeps the running balance', () => {
    const first = nextLedgerHead(EMPTY_LEDGER, 50);
    expect(first).toEqual({ sequence: 1, balanceAfter: 50 });
    expect(nextLedgerHead(first, -20)).toEqual({ sequence: 2, balanceAfter: 30 });
  });

  it('lets a deduction take the balance to exactly zero', () => {
    expect(nextLedgerHead({ sequence: 4, balanceAfter: 30 }, -30)).toEqual({ sequence: 5, balanceAfter: 0 });
  });

  it('refuses a deduction below zero', () => {
    expect(() => nextLedgerHead({ sequence: 4, balanceAfter: 30 }, -31)).toThrow(insufficientPoints(30, 31));
    expect(insufficientPoints(30, 31).message).toBe('The balance is 30 points, too few to deduct 31');
  });
});

describe('points input', () => {
  it('takes whole amounts from 1 to 10000', () => {
    expect(requirePointsAmount(10)).toBe(10);
    const message = notWholeNumberInRange('amount', 1, 10000);
    expect(() => requirePointsAmount(0)).toThrow(message);
    expect(() => requirePointsAmount(2.5)).toThrow(message);
    expect(() => requirePointsAmount(10001)).toThrow(message);
  });

  it('awards from activities, wishes and awards, never as a deduction', () => {
    expect(requireAwardSource('WISH')).toBe('WISH');
    expect(() => requireAwardSource('DEDUCTION')).toThrow(notAnAwardSource());
  });

  it('needs a reason', () => {
    expect(requireReason(' 参加社区义诊志愿服务 ')).toBe('参加社区义诊志愿服务');
    expect(() => requireReason('  ')).toThrow(emptyText('reason'));
  });
});
