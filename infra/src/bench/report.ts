import type { CommandRecord } from '@civic/service-kit';
import type { SeedSummary } from '../seed/summary.ts';
import type { LatencySummary } from './measure.ts';

export interface ScenarioResult {
  scenario: string;
  latency: LatencySummary;
  /** Database commands one request sent, by subgraph. */
  commands: Record<string, number>;
}

/** `residents 2, organisations 3`: what one request cost each subgraph's database. */
export function formatCommands(commands: Record<string, number>): string {
  return Object.entries(commands)
    .map(([subgraph, count]) => `${subgraph} ${count}`)
    .join(', ');
}

export function countCommands(log: Record<string, CommandRecord[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(log).map(([subgraph, records]) => [subgraph, records.length]));
}

/** What was seeded: the scale and the documents per collection. */
export function formatSeed(summary: SeedSummary): string {
  const counts = Object.entries(summary.counts).map(([collection, count]) => `${collection} ${count.toLocaleString('en-US')}`);
  return `seeded the ${summary.scale} scale in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${counts.join(', ')}`;
}

const HEADER = ['scenario', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'db commands per request'];
// Names and command counts read left to right; numbers line up on the right.
const LEFT_ALIGNED = new Set([0, HEADER.length - 1]);

export function formatResults(results: readonly ScenarioResult[]): string {
  const rows = results.map(({ scenario, latency, commands }) => [
    scenario,
    String(latency.requests),
    latency.p50Ms.toFixed(1),
    latency.p95Ms.toFixed(1),
    latency.p99Ms.toFixed(1),
    latency.maxMs.toFixed(1),
    latency.requestsPerSecond.toFixed(1),
    formatCommands(commands),
  ]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (LEFT_ALIGNED.has(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(HEADER), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
