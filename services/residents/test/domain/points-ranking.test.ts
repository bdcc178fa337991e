import { describe, expect, it } from 'vitest';
import { notACursor, notWholeNumberInRange } from '@civic/service-kit';
import { Types } from 'mongoose';
import { decodeStandingCursor, encodeStandingCursor, rankingWindow } from '../../src/domain/points-ranking.ts';
import { chinaDayOf, chinaMonthOf } from '../../src/domain/china-time.ts';

describe('China time windows', () => {
  it('starts days and months at midnight UTC+8', () => {
    // 23:30 on 31 May in Beijing.
    const late = new Date('2025-05-31T15:30:00Z');
    expect(chinaDayOf(late)).toEqual({ from: new Date('2025-05-30T16:00:00Z'), to: new Date('2025-05-31T16:00:00Z') });
    expect(chinaMonthOf(late)).toEqual({ from: new Date('2025-04-30T16:00:00Z'), to: new Date('2025-05-31T16:00:00Z') });
    // 00:30 on 1 June in Beijing, though UTC still says 31 May.
    const early = new Date('2025-05-31T16:30:00Z');
    expect(chinaMonthOf(early)).toEqual({ from: new Date('2025-05-31T16:00:00Z'), to: new Date('2025-06-30T16:00:00Z') });
  });

  it('crosses the year end in December', () => {
    expect(chinaMonthOf(new Date('2025-12-31T15:00:00Z'))).toEqual({ from: new Date('2025-11-30T16:00:00Z'), to: new Date('2025-12-31T16:00:00Z') });
    expect(chinaDayOf(new Date('2025-12-31T16:00:00Z'))).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-01-01T16:00:00Z') });
  });
});

describe('rankingWindow', () => {
  it('is a month or a whole year of the China calendar', () => {
    expect(rankingWindow({ year: 2025, month: 2 })).toEqual({ from: new Date('2025-01-31T16:00:00Z'), to: new Date('2025-02-28T16:00:00Z') });
    expect(rankingWindow({ year: 2025 })).toEqual({ from: new Date('2024-12-31T16:00:00Z'), to: new Date('2025-12-31T16:00:00Z') });
    expect(rankingWindow({ year: 2025, month: null })).toEqual(rankingWindow({ year: 2025 }));
  });

  it('refuses a year or month out of range', () => {
    expect(() => rankingWindow({ year: 1999 })).toThrow(notWholeNumberInRange('year', 2000, 2100));
    expect(() => rankingWindow({ year: 2025, month: 13 })).toThrow(notWholeNumberInRange('month', 1, 12));
    expect(() => rankingWindow({ year: 2025, month: 0 })).toThrow(notWholeNumberInRange('month', 1, 12));
  });
});

describe('ranking cursors', () => {
  const position = { points: 42, reachedAt: new Date('2025-05-04T01:00:00.000Z'), residentId: new Types.ObjectId('00000000000000000000002a') };

  it('name the position they were made from', () => {
    expect(decodeStandingCursor(encodeStandingCursor(position))).toEqual(position);
  });

  it('refuse anything the ranking did not make', () => {
    const made = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['', 'not a cursor', made([42, '2025-05-04T01:00:00Z', '00000000000000000000002a']), made([4.2, position.reachedAt.toISOString(), '00000000000000000000002a']), made([42, position.reachedAt.toISOString(), 'x'])]) {
      expect(() => decodeStandingCursor(cursor)).toThrow(notACursor());
    }
  });
});
