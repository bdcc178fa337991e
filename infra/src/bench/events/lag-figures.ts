import { percentile } from '../measure.ts';

/** One event as one consumer saw it, read from the databases after the phase. */
export interface EventTiming {
  /** The event's occurredAt: when its change was made in the source service. */
  occurredAt: Date;
  /** When the source's publisher had the broker's acknowledgement (outbox publishedAt); null: never. */
  publishedAt: Date | null;
  /** When the consumer applied it (appliedEvents.appliedAt); null: not applied. */
  appliedAt: Date | null;
  /** The consumer parked it instead of applying it. */
  parked: boolean;
}

/** What one consumer made of the events of one run of the phase. */
export interface LagFigures {
  events: number;
  applied: number;
  parked: number;
  /** Neither applied nor parked within the time limit. */
  missing: number;
  /** occurredAt → appliedAt, over the applied events; null when none was. */
  appliedLag: { p50Ms: number | null; p95Ms: number | null; maxMs: number | null };
  /** occurredAt → publishedAt, over the published events. */
  publishLag: { p50Ms: number | null; p95Ms: number | null };
  /** Applied events over the time from the first one's occurrence to the last application; null when none was applied or no time passed. */
  eventsPerSecond: number | null;
}

export function lagFigures(timings: readonly EventTiming[]): LagFigures {
  const applied = timings.filter((timing): timing is EventTiming & { appliedAt: Date } => timing.appliedAt !== null);
  const appliedLags = sorted(applied.map(({ occurredAt, appliedAt }) => appliedAt.getTime() - occurredAt.getTime()));
  const publishLags = sorted(timings.flatMap(({ occurredAt, publishedAt }) => (publishedAt ? [publishedAt.getTime() - occurredAt.getTime()] : [])));
  const parked = timings.filter((timing) => timing.appliedAt === null && timing.parked).length;
  return {
    events: timings.length,
    applied: applied.length,
    parked,
    missing: timings.length - applied.length - parked,
    appliedLag: { p50Ms: percentile(appliedLags, 50), p95Ms: percentile(appliedLags, 95), maxMs: appliedLags.at(-1) ?? null },
    publishLag: { p50Ms: percentile(publishLags, 50), p95Ms: percentile(publishLags, 95) },
    eventsPerSecond: eventsPerSecond(applied),
  };
}

/** End to end: events applied over the span from the first occurrence to the last application. */
function eventsPerSecond(applied: readonly { occurredAt: Date; appliedAt: Date }[]): number | null {
  if (applied.length === 0) return null;
  const firstOccurred = Math.min(...applied.map(({ occurredAt }) => occurredAt.getTime()));
  const lastApplied = Math.max(...applied.map(({ appliedAt }) => appliedAt.getTime()));
  const spanMs = lastApplied - firstOccurred;
  return spanMs > 0 ? (applied.length * 1000) / spanMs : null;
}

function sorted(values: number[]): number[] {
  return values.sort((a, b) => a - b);
}
