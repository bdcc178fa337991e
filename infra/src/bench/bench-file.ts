import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchFlags } from './bench-flags.ts';
import type { ScaleFigures } from './scale-figures.ts';
import type { Verdict } from './targets.ts';

/** Everything a run measured, as written to the JSON file: enough to redraw every table. */
export interface BenchRecord {
  startedAt: string;
  finishedAt: string;
  requests: number;
  warmUp: number;
  maxSeconds: number;
  /** Events of each kind per run of the events phase. */
  events: number;
  concurrencies: number[];
  node: string;
  scales: (ScaleFigures & { verdicts: Verdict[] })[];
}

export async function writeBenchRecord(path: string, record: BenchRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
}

export function benchRecord(flags: BenchFlags, warmUp: number, startedAt: Date, scales: BenchRecord['scales']): BenchRecord {
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    requests: flags.requests,
    warmUp,
    maxSeconds: flags.maxSeconds,
    events: flags.events,
    concurrencies: flags.concurrencies,
    node: process.version,
    scales,
  };
}
