import { describe, expect, it } from 'vitest';
import { UnapplicableEvent, newEvent } from '@civic/events';
import { notWholeNumberInRange } from '@civic/service-kit';
import {
  cappedAward,
  countedHalfHours,
  DEFAULT_RULE_TERMS,
  earnerIds,
  earningReason,
  measureOf,
  pointsEarned,
  requireRuleTerms,
  RULE_SHAPES,
  type PointsRule,
} from '../../src/domain/points-rules.ts';
import { dailyCapAboveMonthlyCap } from '../../src/errors.ts';

const AT = new Date('2025-05-04T01:00:00Z');
const wishRule: PointsRule = { ...RULE_SHAPES['wish.confirmed'], ...DEFAULT_RULE_TERMS['wish.confirmed'] };
const activityRule: PointsRule = { ...RULE_SHAPES['activity.checkedIn'], ...DEFAULT_RULE_TERMS['activity.checkedIn'] };
const meetingRule: PointsRule = { ...RULE_SHAPES['meeting.attended'], ...DEFAULT_RULE_TERMS['meeting.attended'] };

function unapplicableReason(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof UnapplicableEvent) return error.reason;
    throw error;
  }
  throw new Error('expected an UnapplicableEvent');
}

describe('the default rules', () => {
  it('publish these terms', () => {
    expect(DEFAULT_RULE_TERMS).toEqual({
      'wish.confirmed': { points: 2, dailyCap: 30, monthlyCap: 200 },
      'activity.checkedIn': { points: 4, dailyCap: 32, monthlyCap: 240 },
      'meeting.attended': { points: 3, dailyCap: 6, monthlyCap: 30 },
    });
  });
});

describe('rating → points', () => {
  it('gives the rule’s points per star of the rating', () => {
    expect([1, 2, 3, 4, 5].map((rating) => pointsEarned(wishRule, { basis: 'PER_RATING_STAR', rating }))).toEqual([2, 4, 6, 8, 10]);
  });

  it('counts a confirmation without a rating as 3 stars', () => {
    expect(pointsEarned(wishRule, { basis: 'PER_RATING_STAR', rating: null })).toBe(6);
  });

  it('finds a rating outside 1 to 5 stars unapplicable', () => {
    for (const rating of [0, 6, 4.5]) {
      expect(unapplicableReason(() => pointsEarned(wishRule, { basis: 'PER_RATING_STAR', rating }))).toBe(
        `the rating must be a whole number of stars from 1 to 5, not ${rating}`,
      );
    }
  });
});

describe('hours → points', () => {
  it('counts whole half hours, rounded down', () => {
    expect([0, 0.4, 0.5, 1, 1.49, 1.5, 1.4999999999, 1.7, 8].map(countedHalfHours)).toEqual([0, 0, 1, 2, 2, 3, 3, 3, 16]);
  });

  it('gives the rule’s points per hour, rounded down to whole points', () => {
    expect([0.4, 0.5, 1.7, 3].map((hours) => pointsEarned(activityRule, { basis: 'PER_HOUR', hours }))).toEqual([0, 2, 6, 12]);
    const fivePerHour = { ...activityRule, points: 5 };
    expect([0.5, 1, 1.5].map((hours) => pointsEarned(fivePerHour, { basis: 'PER_HOUR', hours }))).toEqual([2, 5, 7]);
  });

  it('finds negative or non-numeric hours unapplicable', () => {
    expect(unapplicableReason(() => countedHalfHours(-1))).toBe('hours must be a number of 0 or more, not -1');
    expect(unapplicableReason(() => countedHalfHours(Number.NaN))).toBe('hours must be a number of 0 or more, not NaN');
  });
});

describe('per event', () => {
  it('gives the same points for every event', () => {
    expect(pointsEarned(meetingRule, { basis: 'PER_EVENT' })).toBe(3);
  });
});

describe('caps', () => {
  const terms = { points: 2, dailyCap: 30, monthlyCap: 200 };

  it('keeps an award that fits both caps', () => {
    expect(cappedAward(10, terms, { today: 20, thisMonth: 100 })).toBe(10);
  });

  it('reduces an award to what is left of the day', () => {
    expect(cappedAward(10, terms, { today: 25, thisMonth: 100 })).toBe(5);
  });

  it('reduces an award to what is left of the month', () => {
    expect(cappedAward(10, terms, { today: 0, thisMonth: 197 })).toBe(3);
  });

  it('gives 0 once either cap is reached, never less', () => {
    expect(cappedAward(10, terms, { today: 30, thisMonth: 30 })).toBe(0);
    expect(cappedAward(10, terms, { today: 0, thisMonth: 200 })).toBe(0);
    expect(cappedAward(10, { ...terms, dailyCap: 20 }, { today: 30, thisMonth: 30 })).toBe(0);
  });
});

describe('rule terms', () => {
  it('takes whole points and caps in range, the daily cap no higher than the monthly', () => {
    expect(requireRuleTerms({ points: 5, dailyCap: 40, monthlyCap: 40 })).toEqual({ points: 5, dailyCap: 40, monthlyCap: 40 });
    expect(() => requireRuleTerms({ points: 101, dailyCap: 1, monthlyCap: 1 })).toThrow(notWholeNumberInRange('points', 0, 100));
    expect(() => requireRuleTerms({ points: 1, dailyCap: -1, monthlyCap: 1 })).toThrow(notWholeNumberInRange('dailyCap', 0, 1000));
    expect(() => requireRuleTerms({ points: 1, dailyCap: 1, monthlyCap: 10_001 })).toThrow(notWholeNumberInRange('monthlyCap', 0, 10000));
    expect(() => requireRuleTerms({ points: 1, dailyCap: 41, monthlyCap: 40 })).toThrow(dailyCapAboveMonthlyCap());
  });
});

describe('earners and measures', () => {
  const claimant = { type: 'Organisation' as const, id: 'org' };

  it('are those who served a wish, each once, and its rating', () => {
    const event = newEvent('wish.confirmed', { wishId: 'w', requesterId: 'r', claimant, servedBy: ['a', 'b', 'a'], rating: 4, automatic: false, communityId: 'c' }, AT);
    expect(earnerIds(event)).toEqual(['a', 'b']);
    expect(measureOf(event)).toEqual({ basis: 'PER_RATING_STAR', rating: 4 });
  });

  it('are the resident who checked in, with the hours, or who attended', () => {
    const checkIn = newEvent('activity.checkedIn', { activityId: 'x', residentId: 'a', organisationId: 'o', hours: 2.5 }, AT);
    expect([earnerIds(checkIn), measureOf(checkIn)]).toEqual([['a'], { basis: 'PER_HOUR', hours: 2.5 }]);
    const attended = newEvent('meeting.attended', { meetingId: 'm', residentId: 'b', organisationId: 'o' }, AT);
    expect([earnerIds(attended), measureOf(attended)]).toEqual([['b'], { basis: 'PER_EVENT' }]);
  });
});

describe('earningReason', () => {
  it('says what earned the points, and when a cap cut them', () => {
    expect(earningReason({ basis: 'PER_RATING_STAR', rating: 5 }, 10, 10)).toBe('完成微心愿（评价5星）');
    expect(earningReason({ basis: 'PER_HOUR', hours: 1.7 }, 6, 2)).toBe('参加活动（1.5小时）；已达上限，计2分');
    expect(earningReason({ basis: 'PER_EVENT' }, 3, 0)).toBe('参加会议；已达上限，计0分');
    expect(earningReason({ basis: 'PER_RATING_STAR', rating: null }, 6, 6)).toBe('完成微心愿（未评价，按3星计）');
  });
});
