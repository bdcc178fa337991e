import { hoursBetween, mean, median } from './wish-stats.ts';
import { addOutcomes, noOutcomes, outcomeSums, type OutcomeTotals, type ScorecardOutcomes } from './scorecard-outcomes.ts';

/**
 * A unit's scorecard (评星定级, 民意测评): what the aggregation counted for one organisation or
 * resident, turned into the figures a street reports. Durations are rounded to hundredths of an
 * hour before the median is taken, as in wishStats; rates to thousandths, the mean rating and its
 * spread to hundredths.
 */

/** What the aggregation gives for one unit over a period (persistence/scorecard-facts.ts). */
export interface ScorecardFacts {
  /** Requests the unit held as handler at some time. */
  handled: number;
  /** Micro-wishes the unit holds as claimant. */
  claimed: number;
  resolved: number;
  fulfilled: number;
  open: number;
  overdue: number;
  /** Milliseconds from routing (or claim) to the first acknowledgement (or start), one per wish that has one. */
  acknowledgeMs: number[];
  /** Milliseconds from routing (or claim) to completion, one per completed wish. */
  resolveMs: number[];
  /** Wishes whose closure was judged against a deadline, and those closed by it. */
  timed: number;
  onTime: number;
  /** Ratings given, index 0 for one star .. index 4 for five. */
  stars: [number, number, number, number, number];
  /** Wishes completed at least once, and those of them reopened. */
  everCompleted: number;
  reopened: number;
  escalations: number;
  outcomes: OutcomeTotals;
}

/** A unit with nothing to score in the period. */
export function noFacts(): ScorecardFacts {
  return {
    handled: 0,
    claimed: 0,
    resolved: 0,
    fulfilled: 0,
    open: 0,
    overdue: 0,
    acknowledgeMs: [],
    resolveMs: [],
    timed: 0,
    onTime: 0,
    stars: [0, 0, 0, 0, 0],
    everCompleted: 0,
    reopened: 0,
    escalations: 0,
    outcomes: noOutcomes(),
  };
}

export interface RatingSpread {
  count: number;
  mean: number | null;
  /** Population standard deviation of the ratings given. */
  standardDeviation: number | null;
  perStar: { stars: number; count: number }[];
}

export interface ScorecardFigures {
  handled: number;
  claimed: number;
  resolved: number;
  fulfilled: number;
  open: number;
  overdue: number;
  medianHoursToAcknowledge: number | null;
  medianHoursToResolve: number | null;
  onTimeRate: number | null;
  ratings: RatingSpread;
  reopenRate: number | null;
  escalations: number;
  outcomes: ScorecardOutcomes;
}

/** The facts of a unit that is both handler and claimant, or of several aggregations, added up. */
export function addFacts(a: ScorecardFacts, b: ScorecardFacts): ScorecardFacts {
  return {
    handled: a.handled + b.handled,
    claimed: a.claimed + b.claimed,
    resolved: a.resolved + b.resolved,
    fulfilled: a.fulfilled + b.fulfilled,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
    acknowledgeMs: [...a.acknowledgeMs, ...b.acknowledgeMs],
    resolveMs: [...a.resolveMs, ...b.resolveMs],
    timed: a.timed + b.timed,
    onTime: a.onTime + b.onTime,
    stars: a.stars.map((count, index) => count + b.stars[index]!) as ScorecardFacts['stars'],
    everCompleted: a.everCompleted + b.everCompleted,
    reopened: a.reopened + b.reopened,
    escalations: a.escalations + b.escalations,
    outcomes: addOutcomes(a.outcomes, b.outcomes),
  };
}

export function standardDeviation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null) return null;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}

/** A share rounded to thousandths; null without a denominator. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

function hundredths(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function medianHours(milliseconds: readonly number[]): number | null {
  return median(milliseconds.map((ms) => hoursBetween(new Date(0), new Date(ms))));
}

export function ratingSpread(stars: ScorecardFacts['stars']): RatingSpread {
  const ratings = stars.flatMap((count, index) => Array.from({ length: count }, () => index + 1));
  return {
    count: ratings.length,
    mean: hundredths(mean(ratings)),
    standardDeviation: hundredths(standardDeviation(ratings)),
    perStar: stars.map((count, index) => ({ stars: index + 1, count })),
  };
}

export function scorecardFigures(facts: ScorecardFacts): ScorecardFigures {
  return {
    handled: facts.handled,
    claimed: facts.claimed,
    resolved: facts.resolved,
    fulfilled: facts.fulfilled,
    open: facts.open,
    overdue: facts.overdue,
    medianHoursToAcknowledge: medianHours(facts.acknowledgeMs),
    medianHoursToResolve: medianHours(facts.resolveMs),
    onTimeRate: rate(facts.onTime, facts.timed),
    ratings: ratingSpread(facts.stars),
    reopenRate: rate(facts.reopened, facts.everCompleted),
    escalations: facts.escalations,
    outcomes: outcomeSums(facts.outcomes),
  };
}
