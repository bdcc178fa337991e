import { describe, expect, it } from 'vitest';
import { sentAs, type EventRunFigures } from '../src/bench/events/events-phase.ts';
import { eventFailureLines, eventsTable } from '../src/bench/events/events-table.ts';
import { lagFigures, type EventTiming } from '../src/bench/events/lag-figures.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 8) + ms);
const timing = (occurred: number, published: number | null, applied: number | null, parked = false): EventTiming => ({
  occurredAt: at(occurred),
  publishedAt: published === null ? null : at(published),
  appliedAt: applied === null ? null : at(applied),
  parked,
});

describe('lagFigures', () => {
  it('takes nearest-rank percentiles of occurred → applied and occurred → published, and the rate from the first occurrence to the last application', () => {
    // Applied lags 10, 20, ..., 200 ms; published 2 ms after each occurrence but the last, 5 ms.
    const timings = Array.from({ length: 20 }, (_, index) => timing(index * 100, index * 100 + (index === 19 ? 5 : 2), index * 100 + (index + 1) * 10));
    expect(lagFigures(timings)).toEqual({
      events: 20,
      applied: 20,
      parked: 0,
      missing: 0,
      appliedLag: { p50Ms: 100, p95Ms: 190, maxMs: 200 },
      publishLag: { p50Ms: 2, p95Ms: 2 },
      // 20 applied between 0 ms (first occurred) and 2,100 ms (last applied).
      eventsPerSecond: 20 / 2.1,
    });
  });

  it('counts parked and missing events apart and leaves them out of the lags', () => {
    const figures = lagFigures([timing(0, 1, 40), timing(10, 12, null, true), timing(20, null, null), timing(30, 31, 50)]);
    expect(figures).toEqual({
      events: 4,
      applied: 2,
      parked: 1,
      missing: 1,
      appliedLag: { p50Ms: 20, p95Ms: 40, maxMs: 40 },
      publishLag: { p50Ms: 1, p95Ms: 2 },
      eventsPerSecond: 2 / 0.05,
    });
  });

  it('has no lag and no rate when nothing was applied', () => {
    expect(lagFigures([timing(0, null, null)])).toEqual({
      events: 1,
      applied: 0,
      parked: 0,
      missing: 1,
      appliedLag: { p50Ms: null, p95Ms: null, maxMs: null },
      publishLag: { p50Ms: null, p95Ms: null },
      eventsPerSecond: null,
    });
  });
});

describe('the events table', () => {
  const figures = lagFigures([timing(0, 3, 40), timing(100, 104, null, true), timing(200, 202, null)]);
  const run: EventRunFigures = {
    source: 'confirm a fulfilled wish',
    kind: 'wish.confirmed',
    mode: 'burst',
    inFlight: 16,
    pace: null,
    failures: { INVALID_TRANSITION: { count: 1, example: 'Wish is CONFIRMED' } },
    recorded: 3,
    consumers: [{ service: 'residents', consumer: 'residents-points', figures }],
    settled: false,
  };

  it('gives one row per run and consumer, in whole milliseconds, with what it did not apply', () => {
    expect(eventsTable([run]).split('\n')).toEqual([
      '| events                                    | sent         | consumer         | events | applied | occurred → applied p50 / p95 / max ms | occurred → published p50 / p95 ms | events/s | not applied         |',
      '| ----------------------------------------- | ------------ | ---------------- | -----: | ------: | ------------------------------------: | --------------------------------: | -------: | ------------------- |',
      '| confirm a fulfilled wish (wish.confirmed) | 16 in flight | residents-points |      3 |       1 |                          40 / 40 / 40 |                             3 / 4 |     25.0 | 1 parked, 1 missing |',
    ]);
  });

  it('says every failed request, parked event and missing event', () => {
    expect(eventFailureLines([run])).toEqual([
      'confirm a fulfilled wish, 16 in flight: 1 × INVALID_TRANSITION: Wish is CONFIRMED',
      'confirm a fulfilled wish, 16 in flight: residents-points parked 1 of 3 events',
      'confirm a fulfilled wish, 16 in flight: residents-points had neither applied nor parked 1 of 3 events at the time limit',
    ]);
  });

  it('names a steady run by its pace and a burst by its number in flight', () => {
    expect([sentAs({ inFlight: 1, pace: 10 }), sentAs({ inFlight: 16, pace: null })]).toEqual(['one at a time, 10 a second', '16 in flight']);
  });
});
