/**
 * The timed figures of wishStats, as rules: time to claim counts micro-wishes only (requests are
 * routed on publication), each duration is rounded to hundredths of an hour, and a median of an
 * even count averages the two middle values. They stay here, not in the pipeline, because
 * MongoDB's `$median` is approximate (t-digest, returning one of the values), not this rule.
 */

const HOUR = 3_600_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Hours between two instants, rounded to two decimals. */
export function hoursBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / HOUR) * 100) / 100;
}

export interface StatsSample {
  kind: string;
  createdAt: Date;
  publishedAt: Date | null;
  takenAt: Date | null;
  completedAt: Date | null;
  closedOnTime: boolean | null;
  rating: number | null;
}

export interface ComputedFigures {
  medianHoursToClaim: number | null;
  medianHoursToResolve: number | null;
  onTimeRate: number | null;
  meanRating: number | null;
}

export function computeFigures(samples: readonly StatsSample[]): ComputedFigures {
  const toClaim = samples.flatMap((s) => (s.kind === 'WISH' && s.publishedAt && s.takenAt ? [hoursBetween(s.publishedAt, s.takenAt)] : []));
  const toResolve = samples.flatMap((s) => (s.completedAt ? [hoursBetween(s.createdAt, s.completedAt)] : []));
  const timed = samples.flatMap((s) => (s.closedOnTime === null ? [] : [s.closedOnTime ? 1 : 0]));
  const ratings = samples.flatMap((s) => (s.rating === null ? [] : [s.rating]));
  const rate = mean(timed);
  const rating = mean(ratings);
  return {
    medianHoursToClaim: median(toClaim),
    medianHoursToResolve: median(toResolve),
    onTimeRate: rate === null ? null : Math.round(rate * 1000) / 1000,
    meanRating: rating === null ? null : Math.round(rating * 100) / 100,
  };
}
