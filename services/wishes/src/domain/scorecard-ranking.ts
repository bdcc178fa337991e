import type { ScorecardFigures } from './scorecard.ts';

/**
 * The order of a ranking of units by one scorecard figure: better first (more handled, fewer
 * overdue, faster, more often on time, better rated, fewer reopened or escalated); a unit without
 * the figure (no rating, nothing resolved) after every unit with it; ties by organisation id, so
 * that the same data always ranks the same way and a cursor keeps its place.
 */

export const SCORECARD_METRICS = [
  'HANDLED',
  'CLAIMED',
  'RESOLVED',
  'FULFILLED',
  'OVERDUE',
  'MEDIAN_HOURS_TO_ACKNOWLEDGE',
  'MEDIAN_HOURS_TO_RESOLVE',
  'ON_TIME_RATE',
  'MEAN_RATING',
  'REOPEN_RATE',
  'ESCALATIONS',
] as const;

export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];

const HIGHER_IS_BETTER: Readonly<Record<ScorecardMetric, boolean>> = {
  HANDLED: true,
  CLAIMED: true,
  RESOLVED: true,
  FULFILLED: true,
  OVERDUE: false,
  MEDIAN_HOURS_TO_ACKNOWLEDGE: false,
  MEDIAN_HOURS_TO_RESOLVE: false,
  ON_TIME_RATE: true,
  MEAN_RATING: true,
  REOPEN_RATE: false,
  ESCALATIONS: false,
};

export function metricValue(figures: ScorecardFigures, metric: ScorecardMetric): number | null {
  switch (metric) {
    case 'HANDLED':
      return figures.handled;
    case 'CLAIMED':
      return figures.claimed;
    case 'RESOLVED':
      return figures.resolved;
    case 'FULFILLED':
      return figures.fulfilled;
    case 'OVERDUE':
      return figures.overdue;
    case 'MEDIAN_HOURS_TO_ACKNOWLEDGE':
      return figures.medianHoursToAcknowledge;
    case 'MEDIAN_HOURS_TO_RESOLVE':
      return figures.medianHoursToResolve;
    case 'ON_TIME_RATE':
      return figures.onTimeRate;
    case 'MEAN_RATING':
      return figures.ratings.mean;
    case 'REOPEN_RATE':
      return figures.reopenRate;
    case 'ESCALATIONS':
      return figures.escalations;
  }
}

export interface RankedUnit<T extends { id: string; figures: ScorecardFigures }> {
  rank: number;
  unit: T;
}

/** Ranks 1.. in order; units with equal figures still get distinct ranks, by id. */
export function rankUnits<T extends { id: string; figures: ScorecardFigures }>(units: readonly T[], metric: ScorecardMetric): RankedUnit<T>[] {
  const direction = HIGHER_IS_BETTER[metric] ? -1 : 1;
  const sorted = [...units].sort((a, b) => {
    const x = metricValue(a.figures, metric);
    const y = metricValue(b.figures, metric);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) * direction;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return sorted.map((unit, index) => ({ rank: index + 1, unit }));
}
