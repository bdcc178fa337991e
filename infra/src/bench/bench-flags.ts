import { join } from 'node:path';
import { parseCommandLine, scaleFlag, uriFlag } from '../command-line.ts';
import { dataDir } from '@civic/dev-platform';
import { SCALES, type Scale } from '../seed/plan.ts';

/** Requests sent before each measured run and not measured: connections, JIT, caches. */
export const WARM_UP_REQUESTS = 10;

export const USAGE = `Usage: npm run bench -- [--scale street|district|both] [--concurrency 1,4,16] [--requests N] [--seconds S] [--events N] [--uri <mongodb uri>] [--out <file>] [--only <text>]
  --scale        street (~3,400 residents), district (~200,000 residents) or both (default)
  --concurrency  requests in flight, one run each (default 1,4,16)
  --requests     measured requests per scenario and number in flight, after ${WARM_UP_REQUESTS} to warm up (default 200)
  --seconds      no request of a run starts after this many seconds (default 60)
  --events       events of each kind sent one at a time, then as many again with the largest --concurrency in flight (default 200)
  --uri          the database server; default MONGODB_URI, else an embedded throw-away one per scale
  --out          the JSON file of all figures (default .data/bench/bench-<time>.json)
  --only         only the scenarios whose name contains this text ("scorecard"), without the gateway comparison and the events phase`;

export interface BenchFlags {
  scales: Scale[];
  concurrencies: number[];
  requests: number;
  maxSeconds: number;
  /** Events of each kind per run of the events phase. */
  events: number;
  uri: string | undefined;
  out: string;
  /** Only the scenarios whose name contains it; null: every scenario, the comparison and the events phase. */
  only: string | null;
}

export function parseBenchFlags(startedAt: Date): BenchFlags {
  const { values, usageError } = parseCommandLine('bench', USAGE, {
    scale: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '1,4,16' },
    requests: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    events: { type: 'string', default: '200' },
    uri: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
  });
  return {
    scales: scalesFlag(values.scale, usageError),
    concurrencies: concurrencyFlag(values.concurrency, usageError),
    requests: positiveInteger('requests', values.requests, usageError),
    maxSeconds: positiveInteger('seconds', values.seconds, usageError),
    events: positiveInteger('events', values.events, usageError),
    uri: uriFlag(values.uri, usageError),
    out: typeof values.out === 'string' ? values.out : join(dataDir, 'bench', `bench-${startedAt.toISOString().replaceAll(':', '-')}.json`),
    only: onlyFlag(values.only, usageError),
  };
}

/** `both` is every scale, smallest first; otherwise one scale. */
export function scalesFlag(value: unknown, usageError: (message: string) => never): Scale[] {
  return value === 'both' ? [...SCALES] : [scaleFlag(value, usageError)];
}

/** `1,4,16`: distinct positive whole numbers, in the order given. */
export function concurrencyFlag(value: unknown, usageError: (message: string) => never): number[] {
  const parts = typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [];
  if (parts.length === 0 || parts.some((part) => !/^[1-9]\d*$/.test(part))) return usageError(`--concurrency must list positive whole numbers such as 1,4,16, not "${String(value)}"`);
  const numbers = parts.map(Number);
  if (new Set(numbers).size !== numbers.length) return usageError(`--concurrency lists a number twice: "${String(value)}"`);
  return numbers;
}

export function positiveInteger(flag: string, value: unknown, usageError: (message: string) => never): number {
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value)) return usageError(`--${flag} must be a positive whole number, not "${String(value)}"`);
  return Number(value);
}

/** `--only scorecard`: a non-empty text that scenario names are matched against. */
export function onlyFlag(value: unknown, usageError: (message: string) => never): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') return usageError('--only must name part of a scenario, such as "scorecard"');
  return value.trim();
}
