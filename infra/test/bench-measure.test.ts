import { describe, expect, it } from 'vitest';
import { mergeLoads, percentile, runLoad, summarise } from '../src/bench/measure.ts';
import { failureOf } from '../src/bench/request-outcome.ts';

describe('percentile (nearest rank)', () => {
  const sorted = Array.from({ length: 20 }, (_, index) => index + 1);

  it('is the smallest value that at least p% of values do not exceed', () => {
    expect([50, 95, 99, 100].map((p) => percentile(sorted, p))).toEqual([10, 19, 20, 20]);
  });

  it('is the only value of one, and null of none', () => {
    expect([percentile([7], 50), percentile([7], 99), percentile([], 50)]).toEqual([7, 7, null]);
  });
});

describe('summarise', () => {
  it('takes percentiles and the rate over successful requests only, and counts the failed apart', () => {
    const summary = summarise({
      latenciesMs: [40, 10, 30, 20],
      failures: { CONFLICT: { count: 2, example: 'This time is already booked' }, 'HTTP 502': { count: 1, example: 'no GraphQL errors' } },
      elapsedMs: 2000,
    });
    expect(summary).toEqual({ succeeded: 4, failed: 3, p50Ms: 20, p95Ms: 40, p99Ms: 40, maxMs: 40, requestsPerSecond: 2 });
  });

  it('has no latency when nothing succeeded', () => {
    expect(summarise({ latenciesMs: [], failures: { FORBIDDEN: { count: 5, example: 'no' } }, elapsedMs: 100 })).toEqual({
      succeeded: 0,
      failed: 5,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: null,
      requestsPerSecond: 0,
    });
  });
});

describe('runLoad', () => {
  it('sends exactly the requests asked for, never more in flight than allowed, and counts failures by kind', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let sent = 0;
    const result = await runLoad(
      async () => {
        const serial = sent++;
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        if (serial % 5 === 0) return { kind: 'CONFLICT', message: `taken ${serial}` };
        if (serial === 7) throw new Error('socket hang up');
        return null;
      },
      { requests: 20, concurrency: 3, maxMs: 60_000 },
    );
    expect([sent, mostInFlight, result.latenciesMs.length]).toEqual([20, 3, 15]);
    expect(result.failures).toEqual({ CONFLICT: { count: 4, example: 'taken 0' }, UNREACHABLE: { count: 1, example: 'socket hang up' } });
  });

  it('starts no request once the time is up', async () => {
    let sent = 0;
    const result = await runLoad(
      async () => {
        sent += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
        return null;
      },
      // Two rounds of two start before 300 ms (at 0 and at about 200); the third round would start at about 400.
      { requests: 1000, concurrency: 2, maxMs: 300 },
    );
    expect([sent, result.latenciesMs.length]).toEqual([4, 4]);
  });
});

describe('mergeLoads', () => {
  it('joins the turns of one route: all latencies, failures added up by kind, the time of both', () => {
    expect(
      mergeLoads([
        { latenciesMs: [5, 7], failures: { CONFLICT: { count: 1, example: 'first' } }, elapsedMs: 100 },
        { latenciesMs: [6], failures: { CONFLICT: { count: 2, example: 'second' }, FORBIDDEN: { count: 1, example: 'no' } }, elapsedMs: 50 },
      ]),
    ).toEqual({ latenciesMs: [5, 7, 6], failures: { CONFLICT: { count: 3, example: 'first' }, FORBIDDEN: { count: 1, example: 'no' } }, elapsedMs: 150 });
  });
});

describe('failureOf', () => {
  it('is null for data without errors, else the error code, else the HTTP status', () => {
    expect([
      failureOf({ status: 200, data: { me: null }, errors: [] }),
      failureOf({ status: 200, data: null, errors: [{ message: 'You have already signed up for this activity', extensions: { code: 'CONFLICT' } }] }),
      failureOf({ status: 401, data: null, errors: [{ message: 'Bad token' }] }),
      failureOf({ status: 502, data: null, errors: [] }),
      failureOf({ status: 200, data: null, errors: [] }),
    ]).toEqual([
      null,
      { kind: 'CONFLICT', message: 'You have already signed up for this activity' },
      { kind: 'HTTP 401', message: 'Bad token' },
      { kind: 'HTTP 502', message: 'no GraphQL errors' },
      { kind: 'NO_DATA', message: 'neither data nor errors' },
    ]);
  });
});
