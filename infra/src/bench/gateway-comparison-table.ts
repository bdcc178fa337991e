import { formatMs, formatRatio } from './figures-format.ts';
import type { GatewayComparison } from './gateway-comparison.ts';
import { overheadRatio } from './gateway-overhead.ts';
import { markdownTable } from './markdown-table.ts';
import type { LatencySummary } from './measure.ts';

/** Both gateway runtimes per read and number in flight: latency, overhead over the direct call, CPU per request. */
export function gatewayComparisonTable(comparisons: readonly GatewayComparison[]): string {
  const rows = comparisons.map(({ scenario, concurrency, gateways: { apollo, hive }, direct }) => [
    scenario,
    String(concurrency),
    latencyCell(apollo.latency),
    latencyCell(hive.latency),
    direct ? latencyCell(direct) : '—',
    overheadCell(apollo.latency, direct),
    overheadCell(hive.latency, direct),
    cpuCell(apollo.cpuMsPerRequest),
    cpuCell(hive.cpuMsPerRequest),
    apollo.cpuMsPerRequest && hive.cpuMsPerRequest !== null ? formatRatio(hive.cpuMsPerRequest / apollo.cpuMsPerRequest) : '—',
    failedCell(apollo.latency, hive.latency, direct),
  ]);
  return markdownTable(
    [
      { title: 'scenario', align: 'left' },
      { title: 'in flight', align: 'right' },
      { title: 'apollo p50 / p95 ms', align: 'right' },
      { title: 'hive p50 / p95 ms', align: 'right' },
      { title: 'direct p50 / p95 ms', align: 'right' },
      { title: 'apollo overhead p50', align: 'right' },
      { title: 'hive overhead p50', align: 'right' },
      { title: 'apollo CPU ms/request', align: 'right' },
      { title: 'hive CPU ms/request', align: 'right' },
      { title: 'hive / apollo CPU', align: 'right' },
      { title: 'failed (apollo, hive, direct)', align: 'left' },
    ],
    rows,
  );
}

function latencyCell({ p50Ms, p95Ms }: LatencySummary): string {
  return p50Ms === null || p95Ms === null ? '—' : `${formatMs(p50Ms)} / ${formatMs(p95Ms)}`;
}

function overheadCell(gateway: LatencySummary, direct: LatencySummary | null): string {
  if (!direct) return '—';
  const { p50 } = overheadRatio(gateway, direct);
  return p50 === null ? '—' : formatRatio(p50);
}

function cpuCell(ms: number | null): string {
  return ms === null ? 'n/a' : ms.toFixed(2);
}

function failedCell(apollo: LatencySummary, hive: LatencySummary, direct: LatencySummary | null): string {
  return [apollo.failed, hive.failed, direct?.failed ?? 0].every((count) => count === 0) ? 'none' : `${apollo.failed}, ${hive.failed}, ${direct?.failed ?? '—'}`;
}
