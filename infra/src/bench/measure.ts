import { performance } from 'node:perf_hooks';
import type { Failure } from './request-outcome.ts';

/** Failed requests of a run by kind (CONFLICT, HTTP 502...), with the first message of each. */
export type Failures = Record<string, { count: number; example: string }>;

/** How each successful request of a load run took, what failed, and how long the run took. */
export interface LoadResult {
  latenciesMs: number[];
  failures: Failures;
  elapsedMs: number;
}

export interface LoadLimits {
  requests: number;
  concurrency: number;
  /** No request starts after this many milliseconds from the start of the run. */
  maxMs: number;
}

export interface LatencySummary {
  /** Requests that succeeded; the percentiles and the rate are theirs alone. */
  succeeded: number;
  failed: number;
  /** Null when no request succeeded. */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  requestsPerSecond: number;
}

/**
 * Sends up to `requests` requests with at most `concurrency` in flight: each worker takes the
 * next request as soon as its last one answered, as a pool of busy front-end clients would.
 * A send that throws (the server unreachable) counts as a failure, never as a latency.
 */
export async function runLoad(send: () => Promise<Failure>, limits: LoadLimits): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const failures: Failures = {};
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < limits.requests && performance.now() - started < limits.maxMs) {
      next += 1;
      const sent = performance.now();
      const failure = await send().catch((error: Error): Failure => ({ kind: 'UNREACHABLE', message: String(error.cause ?? error.message) }));
      if (failure === null) latenciesMs.push(performance.now() - sent);
      else countFailure(failures, failure);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, limits.requests) }, worker));
  return { latenciesMs, failures, elapsedMs: performance.now() - started };
}

function countFailure(failures: Failures, { kind, message }: NonNullable<Failure>): void {
  const entry = (failures[kind] ??= { count: 0, example: message });
  entry.count += 1;
}

/** Load runs of the same requests taken in turns, as one: every latency and failure, the time they took together. */
export function mergeLoads(results: readonly LoadResult[]): LoadResult {
  const failures: Failures = {};
  for (const result of results) {
    for (const [kind, { count, example }] of Object.entries(result.failures)) {
      const entry = (failures[kind] ??= { count: 0, example });
      entry.count += count;
    }
  }
  return {
    latenciesMs: results.flatMap(({ latenciesMs }) => latenciesMs),
    failures,
    elapsedMs: results.reduce((sum, { elapsedMs }) => sum + elapsedMs, 0),
  };
}

export function summarise({ latenciesMs, failures, elapsedMs }: LoadResult): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    succeeded: sorted.length,
    failed: Object.values(failures).reduce((sum, { count }) => sum + count, 0),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? null,
    requestsPerSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : 0,
  };
}

/** Nearest-rank percentile: the smallest latency that at least p% of requests did not exceed. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]!;
}
