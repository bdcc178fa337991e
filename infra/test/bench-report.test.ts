import { describe, expect, it } from 'vitest';
import type { LatencySummary } from '../src/bench/measure.ts';
import type { RunFigures, ScenarioFigures } from '../src/bench/measure-scenario.ts';
import { gatewayComparisonTable } from '../src/bench/gateway-comparison-table.ts';
import { markdownTable } from '../src/bench/markdown-table.ts';
import { memoryTable, resultsTable } from '../src/bench/report-tables.ts';
import type { ScaleFigures } from '../src/bench/scale-figures.ts';
import { judge } from '../src/bench/targets.ts';

function latency(p50Ms: number | null, p95Ms: number | null, failed = 0): LatencySummary {
  return { succeeded: p50Ms === null ? 0 : 100, failed, p50Ms, p95Ms, p99Ms: p95Ms === null ? null : p95Ms + 10, maxMs: p95Ms === null ? null : p95Ms + 20, requestsPerSecond: 40 };
}

function run(route: RunFigures['route'], concurrency: number, summary: LatencySummary, failures: RunFigures['failures'] = {}): RunFigures {
  return { route, concurrency, latency: summary, failures };
}

const organisations: ScenarioFigures = {
  scenario: '20 organisations, anonymous',
  kind: 'read',
  subgraph: 'organisations',
  expectedCommands: { organisations: 2 },
  runs: [
    run('gateway', 1, latency(12, 20)),
    run('subgraph', 1, latency(8, 10)),
    run('gateway', 4, latency(30, 90)),
    run('subgraph', 4, latency(24, 75)),
  ],
  commands: [
    { pageLength: 20, bySubgraph: { organisations: 2 }, failure: null },
    { pageLength: 100, bySubgraph: { organisations: 2 }, failure: null },
  ],
};

const residents: ScenarioFigures = {
  scenario: '50 residents, street admin',
  kind: 'read',
  subgraph: null,
  expectedCommands: { residents: 2, organisations: 3 },
  runs: [run('gateway', 4, latency(80, 130))],
  commands: [
    { pageLength: 50, bySubgraph: { residents: 2, organisations: 3 }, failure: null },
    { pageLength: 100, bySubgraph: { residents: 2, organisations: 4 }, failure: null },
  ],
};

const booking: ScenarioFigures = {
  scenario: 'book a slot, resident',
  kind: 'write',
  subgraph: 'resources',
  expectedCommands: null,
  runs: [
    run('gateway', 4, latency(50, 70, 2), { CONFLICT: { count: 2, example: 'This time is already booked' } }),
    run('subgraph', 4, latency(null, null, 100), { FORBIDDEN: { count: 100, example: 'no' } }),
  ],
  commands: [{ pageLength: null, bySubgraph: { resources: 4, residents: 1 }, failure: null }],
};

const street: ScaleFigures = {
  scale: 'street',
  database: 'secantus',
  seed: { elapsedMs: 5000, counts: { residents: 3309 } },
  scenarios: [organisations, residents, booking],
  gateways: [],
  events: [],
  memory: [
    { name: 'gateway', idleRssBytes: 100 * 1024 * 1024, endRssBytes: 150.25 * 1024 * 1024, peakRssBytes: 160 * 1024 * 1024 },
    { name: 'database (secantus)', idleRssBytes: null, endRssBytes: null, peakRssBytes: null },
  ],
};

describe('judge', () => {
  it('weighs reads at 4 in flight against the scale, the gateway against the direct call, and commands at every page length', () => {
    expect(judge(street)).toEqual([
      { target: 'read p95 ≤ 100 ms', scenario: '20 organisations, anonymous', concurrency: 4, measured: 'p95 90.0 ms', met: true },
      { target: 'read p95 ≤ 100 ms', scenario: '50 residents, street admin', concurrency: 4, measured: 'p95 130.0 ms', met: false },
      { target: 'gateway overhead ≤ 1.5×', scenario: '20 organisations, anonymous', concurrency: 1, measured: 'p50 1.50×, p95 2.00×', met: false },
      { target: 'gateway overhead ≤ 1.5×', scenario: '20 organisations, anonymous', concurrency: 4, measured: 'p50 1.25×, p95 1.20×', met: true },
      { target: 'gateway overhead ≤ 1.5×', scenario: 'book a slot, resident', concurrency: 4, measured: 'no request succeeded on one route', met: null },
      { target: 'commands = organisations 2', scenario: '20 organisations, anonymous', concurrency: null, measured: 'organisations 2 at 20 per page; organisations 2 at 100 per page', met: true },
      {
        target: 'commands = residents 2, organisations 3',
        scenario: '50 residents, street admin',
        concurrency: null,
        measured: 'residents 2, organisations 3 at 50 per page; residents 2, organisations 4 at 100 per page',
        met: false,
      },
    ]);
  });

  it('has a district limit of 250 ms, and neither meets nor fails a number in flight that was not run', () => {
    const district: ScaleFigures = { ...street, scale: 'district', scenarios: [{ ...residents, runs: [run('gateway', 16, latency(80, 130))] }, { ...organisations, runs: [run('gateway', 4, latency(80, 240, 1))] }] };
    expect(judge(district).filter(({ target }) => target.startsWith('read'))).toEqual([
      { target: 'read p95 ≤ 250 ms', scenario: '50 residents, street admin', concurrency: 4, measured: 'not run at 4 in flight', met: null },
      { target: 'read p95 ≤ 250 ms', scenario: '20 organisations, anonymous', concurrency: 4, measured: 'p95 240.0 ms, 1 failed', met: false },
    ]);
  });
});

describe('markdownTable', () => {
  it('pads cells, aligns numbers right, and escapes pipes', () => {
    expect(
      markdownTable(
        [
          { title: 'scenario', align: 'left' },
          { title: 'p50 ms', align: 'right' },
        ],
        [
          ['me', '3.5'],
          ['a | b', '120.25'],
        ],
      ),
    ).toBe(['| scenario | p50 ms |', '| -------- | -----: |', '| me       |    3.5 |', '| a \\| b   | 120.25 |'].join('\n'));
  });
});

describe('the README tables', () => {
  it('give one row per scenario and number in flight through the gateway, with the overhead and every failure', () => {
    expect(resultsTable(street).split('\n')).toEqual([
      '| scenario                    | in flight | p50 ms | p95 ms | p99 ms | req/s | commands per request                                                        | gateway overhead p50 / p95 | failed                           |',
      '| --------------------------- | --------: | -----: | -----: | -----: | ----: | --------------------------------------------------------------------------- | -------------------------: | -------------------------------- |',
      '| 20 organisations, anonymous |         1 |   12.0 |   20.0 |   30.0 |  40.0 | organisations 2                                                             |              1.50× / 2.00× | none                             |',
      '| 20 organisations, anonymous |         4 |   30.0 |   90.0 |  100.0 |  40.0 | organisations 2                                                             |              1.25× / 1.20× | none                             |',
      '| 50 residents, street admin  |         4 |   80.0 |  130.0 |  140.0 |  40.0 | residents 2, organisations 3; at 100 per page: residents 2, organisations 4 |                          — | none                             |',
      '| book a slot, resident       |         4 |   50.0 |   70.0 |   80.0 |  40.0 | resources 4, residents 1                                                    |                      — / — | 2 CONFLICT, 100 FORBIDDEN direct |',
    ]);
  });

  it('give memory in MiB, n/a where it could not be read', () => {
    expect(memoryTable([street]).split('\n')).toEqual([
      '| process             | scale  | RSS before load MiB | RSS after load MiB | peak RSS MiB |',
      '| ------------------- | ------ | ------------------: | -----------------: | -----------: |',
      '| gateway             | street |               100.0 |              150.3 |        160.0 |',
      '| database (secantus) | street |                 n/a |                n/a |          n/a |',
    ]);
  });
});

describe('the gateway runtimes table', () => {
  it('gives each runtime its latency, its overhead over the direct call and its CPU per request, and hive over apollo', () => {
    const table = gatewayComparisonTable([
      {
        scenario: '20 organisations, anonymous',
        concurrency: 4,
        gateways: { apollo: { latency: latency(30, 90), cpuMsPerRequest: 2.5 }, hive: { latency: latency(24, 60), cpuMsPerRequest: 2 } },
        direct: latency(20, 50),
      },
      {
        scenario: '50 residents, street admin',
        concurrency: 4,
        gateways: { apollo: { latency: latency(80, 130, 1), cpuMsPerRequest: null }, hive: { latency: latency(null, null, 100), cpuMsPerRequest: 4 } },
        direct: null,
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| scenario                    | in flight | apollo p50 / p95 ms | hive p50 / p95 ms | direct p50 / p95 ms | apollo overhead p50 | hive overhead p50 | apollo CPU ms/request | hive CPU ms/request | hive / apollo CPU | failed (apollo, hive, direct) |',
      '| --------------------------- | --------: | ------------------: | ----------------: | ------------------: | ------------------: | ----------------: | --------------------: | ------------------: | ----------------: | ----------------------------- |',
      '| 20 organisations, anonymous |         4 |         30.0 / 90.0 |       24.0 / 60.0 |         20.0 / 50.0 |               1.50× |             1.20× |                  2.50 |                2.00 |             0.80× | none                          |',
      '| 50 residents, street admin  |         4 |        80.0 / 130.0 |                 — |                   — |                   — |                 — |                   n/a |                4.00 |                 — | 1, 100, —                     |',
    ]);
  });
});
