import { mean } from './wish-stats.ts';
import { addOutcomes, noOutcomes, outcomeSums, type OutcomeTotals, type ScorecardOutcomes } from './scorecard-outcomes.ts';
import { readStars, type RatingCell, type RatingReading, type Stars } from './scorecard-rating-cells.ts';

/**
 * A unit's scorecard (评星定级, 民意测评): what its rollups counted for one organisation or
 * resident, turned into the figures a street reports. Durations are counted in hundredths of an
 * hour, as wishStats rounds them, and their medians are exact at that precision; rates are given
 * to thousandths, the mean rating and its spread to hundredths.
 */

/** How many wishes took each duration, in hundredths of an hour. */
export type DurationCounts = ReadonlyMap<number, number>;

/** What the rollups give for one unit over a period (persistence/scorecard-facts.ts). */
export interface ScorecardFacts {
  /** Requests the unit held as handler at some time. */
  handled: number;
  /** Micro-wishes the unit holds as claimant. */
  claimed: number;
  resolved: number;
  fulfilled: number;
  open: number;
  overdue: number;
  /** From routing (or claim) to the first acknowledgement (or start), of each wish that has one. */
  acknowledgeHours: DurationCounts;
  /** From routing (or claim) to completion, of each completed wish. */
  resolveHours: DurationCounts;
  /** Wishes whose closure was judged against a deadline, and those closed by it. */
  timed: number;
  onTime: number;
  /** Ratings given, per side and China month (domain/scorecard-rating-cells.ts). */
  ratingCells: readonly RatingCell[];
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
    acknowledgeHours: new Map(),
    resolveHours: new Map(),
    timed: 0,
    onTime: 0,
    ratingCells: [],
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
  /** Null for the whole ratings; 5 for an analyst's, made of published cells only. */
  minimumGroupSize: number | null;
  withheldCells: number;
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
    acknowledgeHours: addDurationCounts(a.acknowledgeHours, b.acknowledgeHours),
    resolveHours: addDurationCounts(a.resolveHours, b.resolveHours),
    timed: a.timed + b.timed,
    onTime: a.onTime + b.onTime,
    ratingCells: [...a.ratingCells, ...b.ratingCells],
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

export function addDurationCounts(a: DurationCounts, b: DurationCounts): DurationCounts {
  const sum = new Map(a);
  for (const [hundredths, count] of b) sum.set(hundredths, (sum.get(hundredths) ?? 0) + count);
  return sum;
}

/** The median in hours: the middle duration, or the mean of the two middle ones. */
export function medianHours(durations: DurationCounts): number | null {
  const sorted = [...durations].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  // The durations at positions `lower` and `upper` (0-based) of the sorted list of all of them.
  const upper = Math.floor(total / 2);
  const lower = total % 2 === 1 ? upper : upper - 1;
  const at = (position: number) => {
    let seen = 0;
    for (const [hundredths, count] of sorted) {
      seen += count;
      if (position < seen) return hundredths / 100;
    }
    throw new Error('a position past the durations counted');
  };
  return (at(lower) + at(upper)) / 2;
}

/** Every rating figure from the stars the reader is given, so none can be recovered from the others. */
export function ratingSpread(cells: readonly RatingCell[], reading: RatingReading): RatingSpread {
  const { stars, minimumGroupSize, withheldCells } = readStars(cells, reading);
  const ratings = starRatings(stars);
  return {
    count: ratings.length,
    mean: hundredths(mean(ratings)),
    standardDeviation: hundredths(standardDeviation(ratings)),
    perStar: stars.map((count, index) => ({ stars: index + 1, count })),
    minimumGroupSize,
    withheldCells,
  };
}

function starRatings(stars: Stars): number[] {
  return stars.flatMap((count, index) => Array.from({ length: count }, () => index + 1));
}

/** The figures as `reading` gives the ratings: whole for staff and services, k-anonymous for analysts. */
export function scorecardFigures(facts: ScorecardFacts, reading: RatingReading): ScorecardFigures {
  return {
    handled: facts.handled,
    claimed: facts.claimed,
    resolved: facts.resolved,
    fulfilled: facts.fulfilled,
    open: facts.open,
    overdue: facts.overdue,
    medianHoursToAcknowledge: medianHours(facts.acknowledgeHours),
    medianHoursToResolve: medianHours(facts.resolveHours),
    onTimeRate: rate(facts.onTime, facts.timed),
    ratings: ratingSpread(facts.ratingCells, reading),
    reopenRate: rate(facts.reopened, facts.everCompleted),
    escalations: facts.escalations,
    outcomes: outcomeSums(facts.outcomes),
  };
}
