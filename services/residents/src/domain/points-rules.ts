import { requireIntInRange } from '@civic/service-kit';
import { UnapplicableEvent, type AnyCivicEvent } from '@civic/events';
import type { PointsSource } from './vocabulary.ts';
import { dailyCapAboveMonthlyCap } from '../errors.ts';

/**
 * The published rules of 微星光: which events earn points, how many, and how many a resident may
 * earn from each kind in a China day and month. The table below is where every rule starts; a
 * street admin's change applies to events that occur after it (persistence/points-rules.ts).
 */

export const EARNING_KINDS = ['wish.confirmed', 'activity.checkedIn', 'meeting.attended'] as const;
export type EarningKind = (typeof EARNING_KINDS)[number];

/** What a rule's `points` multiply: the requester's rating (1 to 5 stars), the hours served, or nothing. */
export type PointsBasis = 'PER_RATING_STAR' | 'PER_HOUR' | 'PER_EVENT';

export interface PointsRuleTerms {
  points: number;
  dailyCap: number;
  monthlyCap: number;
}

export interface PointsRuleShape {
  source: PointsSource;
  basis: PointsBasis;
}

export type PointsRule = PointsRuleShape & PointsRuleTerms;

/** Each kind's source and basis are fixed; its terms are what a street admin may change. */
export const RULE_SHAPES: Readonly<Record<EarningKind, PointsRuleShape>> = {
  'wish.confirmed': { source: 'WISH', basis: 'PER_RATING_STAR' },
  'activity.checkedIn': { source: 'ACTIVITY', basis: 'PER_HOUR' },
  'meeting.attended': { source: 'MEETING', basis: 'PER_EVENT' },
};

export const DEFAULT_RULE_TERMS: Readonly<Record<EarningKind, PointsRuleTerms>> = {
  // A wish rated 5 earns 10; at most 3 such wishes a day count in full.
  'wish.confirmed': { points: 2, dailyCap: 30, monthlyCap: 200 },
  // 4 an hour: a half hour earns 2; a full 8-hour day is the daily cap.
  'activity.checkedIn': { points: 4, dailyCap: 32, monthlyCap: 240 },
  'meeting.attended': { points: 3, dailyCap: 6, monthlyCap: 30 },
};

export const MAX_RULE_POINTS = 100;
export const MAX_DAILY_CAP = 1_000;
export const MAX_MONTHLY_CAP = 10_000;
export const RATING_RANGE = { min: 1, max: 5 } as const;
/** A wish confirmed without a rating (the requester stayed silent) counts as this many stars: satisfactory, not praised. */
export const UNRATED_WISH_STARS = 3;

/** An event of a kind that earns points. */
export type EarningEvent = Extract<AnyCivicEvent, { kind: EarningKind }>;

export function isEarningEvent(event: AnyCivicEvent): event is EarningEvent {
  return (EARNING_KINDS as readonly string[]).includes(event.kind);
}

export function requireRuleTerms(terms: PointsRuleTerms): PointsRuleTerms {
  const points = requireIntInRange('points', terms.points, 0, MAX_RULE_POINTS);
  const dailyCap = requireIntInRange('dailyCap', terms.dailyCap, 0, MAX_DAILY_CAP);
  const monthlyCap = requireIntInRange('monthlyCap', terms.monthlyCap, 0, MAX_MONTHLY_CAP);
  if (dailyCap > monthlyCap) throw dailyCapAboveMonthlyCap();
  return { points, dailyCap, monthlyCap };
}

/** Hours count in whole half hours, rounded down (1 h 40 min counts as 1.5 h). */
export function countedHalfHours(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) throw new UnapplicableEvent(`hours must be a number of 0 or more, not ${hours}`);
  // A small tolerance keeps 1.5 (sent as 1.4999999999) at three half hours.
  return Math.floor(hours * 2 + 1e-9);
}

/** The stars a confirmation counts: its rating, or UNRATED_WISH_STARS when it has none. */
export function countedStars(rating: number | null): number {
  if (rating === null) return UNRATED_WISH_STARS;
  if (!Number.isInteger(rating) || rating < RATING_RANGE.min || rating > RATING_RANGE.max) {
    throw new UnapplicableEvent(`the rating must be a whole number of stars from ${RATING_RANGE.min} to ${RATING_RANGE.max}, not ${rating}`);
  }
  return rating;
}

/** The measure a rule's `points` multiply, from an event's facts. */
export type EarningMeasure = { basis: 'PER_RATING_STAR'; rating: number | null } | { basis: 'PER_HOUR'; hours: number } | { basis: 'PER_EVENT' };

export function measureOf(event: EarningEvent): EarningMeasure {
  switch (event.kind) {
    case 'wish.confirmed':
      return { basis: 'PER_RATING_STAR', rating: event.facts.rating };
    case 'activity.checkedIn':
      return { basis: 'PER_HOUR', hours: event.facts.hours };
    case 'meeting.attended':
      return { basis: 'PER_EVENT' };
  }
}

/** The residents who earn from an event: those who served a wish, or the one who checked in or attended. */
export function earnerIds(event: EarningEvent): string[] {
  switch (event.kind) {
    case 'wish.confirmed':
      return [...new Set(event.facts.servedBy)];
    case 'activity.checkedIn':
    case 'meeting.attended':
      return [event.facts.residentId];
  }
}

/** What one earner gets for one event before caps; points per hour round down to whole points. */
export function pointsEarned(rule: PointsRule, measure: EarningMeasure): number {
  if (measure.basis !== rule.basis) throw new Error(`a ${rule.basis} rule cannot weigh a ${measure.basis} event`);
  switch (measure.basis) {
    case 'PER_RATING_STAR':
      return rule.points * countedStars(measure.rating);
    case 'PER_HOUR':
      return Math.floor((rule.points * countedHalfHours(measure.hours)) / 2);
    case 'PER_EVENT':
      return rule.points;
  }
}

/** What a resident already earned from this kind in the event's China day and month. */
export interface CapUsage {
  today: number;
  thisMonth: number;
}

/** An award reduced so that neither the day's nor the month's total passes its cap; 0 once either is reached. */
export function cappedAward(earned: number, rule: PointsRuleTerms, used: CapUsage): number {
  return Math.max(0, Math.min(earned, rule.dailyCap - used.today, rule.monthlyCap - used.thisMonth));
}

function wishReason(rating: number | null): string {
  return rating === null ? `完成微心愿（未评价，按${UNRATED_WISH_STARS}星计）` : `完成微心愿（评价${rating}星）`;
}

/** The line a resident reads in their ledger for points earned from an event. */
export function earningReason(measure: EarningMeasure, earned: number, awarded: number): string {
  const what =
    measure.basis === 'PER_HOUR' ? `参加活动（${countedHalfHours(measure.hours) / 2}小时）` : measure.basis === 'PER_EVENT' ? '参加会议' : wishReason(measure.rating);
  return awarded < earned ? `${what}；已达上限，计${awarded}分` : what;
}
