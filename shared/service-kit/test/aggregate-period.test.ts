import { describe, expect, it } from 'vitest';
import { chinaMonthKey, notAMonth, parseMonthPeriod, periodEndsBeforeStart, periodTooLong } from '../src/aggregate-period.ts';

function refusal(from: string, to: string) {
  try {
    parseMonthPeriod('input.period', from, to);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${from}..${to} was accepted`);
}

describe('parseMonthPeriod', () => {
  it('spans whole China months, from the first instant of from to the first instant after to', () => {
    expect(parseMonthPeriod('input.period', '2024-12', '2025-02')).toEqual({
      start: new Date('2024-11-30T16:00:00.000Z'),
      end: new Date('2025-02-28T16:00:00.000Z'),
      months: 3,
    });
    expect(parseMonthPeriod('input.period', '2025-05', '2025-05').months).toBe(1);
    expect(parseMonthPeriod('input.period', '2023-01', '2025-12').months).toBe(36);
  });

  it('refuses what is not a month, a period that ends before it starts, and one over 36 months', () => {
    expect(refusal('2025-5', '2025-06')).toBe(notAMonth('input.period.from').message);
    expect(refusal('2025-05', '2025-13')).toBe(notAMonth('input.period.to').message);
    expect(refusal('2025-05-01', '2025-06')).toBe(notAMonth('input.period.from').message);
    expect(refusal('2025-06', '2025-05')).toBe(periodEndsBeforeStart('input.period.to').message);
    expect(refusal('2023-01', '2026-01')).toBe(periodTooLong('input.period.to').message);
  });
});

describe('chinaMonthKey', () => {
  it('counts the month in China time', () => {
    expect([chinaMonthKey(new Date('2025-04-30T15:59:59.999Z')), chinaMonthKey(new Date('2025-04-30T16:00:00.000Z'))]).toEqual(['2025-04', '2025-05']);
  });
});
