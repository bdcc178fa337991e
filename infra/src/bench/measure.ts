import { performance } from 'node:perf_hooks';

/** How long each request of a load run took, and how long the whole run took. */
export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
}

export interface LatencySummary {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
}

/**
 * Sends `requests` requests with at most `concurrency` in flight: each worker takes the next
 * request as soon as its last one answered, as a pool of busy front-end clients would.
 */
export async function runLoad(send: () => Promise<void>, requests: number, concurrency: number): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next += 1;
      const started = performance.now();
      await send();
      latenciesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return { latenciesMs, elapsedMs: performance.now() - started };
}

export function summarise({ latenciesMs, elapsedMs }: LoadResult): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    requestsPerSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : 0,
  };
}

/** Nearest-rank percentile: the smallest latency that at least p% of requests did not exceed. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]!;
}
