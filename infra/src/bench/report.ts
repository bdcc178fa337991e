import type { BenchRecord } from './bench-file.ts';
import { eventFailureLines, eventsTable } from './events/events-table.ts';
import { gatewayComparisonTable } from './gateway-comparison-table.ts';
import { failureLines, memoryTable, resultsTable, targetsTable } from './report-tables.ts';

/** The whole report in Markdown, ready for the README: per scale the figures and the targets, then memory. */
export function formatReport(record: BenchRecord): string {
  const sections = record.scales.map((figures) => {
    const residents = figures.seed.counts.residents?.toLocaleString('en-US') ?? 'no';
    const failures = failureLines(figures);
    return [
      `### ${figures.scale} scale`,
      `${residents} residents, database ${figures.database}; ${record.requests} requests per scenario and number in flight after ${record.warmUp} to warm up, ` +
        `each run stopped after ${record.maxSeconds} s; latencies of successful requests; gateway overhead: the same requests straight to the one subgraph.`,
      resultsTable(figures),
      ...(failures.length > 0 ? ['Failed requests, with the first message of each kind:', failures.map((line) => `- ${line}`).join('\n')] : []),
      `Targets at the ${figures.scale} scale:`,
      targetsTable(figures.verdicts),
      `Gateway runtimes side by side at the ${figures.scale} scale: the same reads through Apollo's gateway and Hive Gateway (Rust query planner), each its own process ` +
        `in front of the same subgraphs, and straight to the one subgraph; overhead: gateway p50 over direct p50; CPU: user and system time of the gateway process per request.`,
      gatewayComparisonTable(figures.gateways),
      ...eventsSection(figures.scale, figures.events, record.events),
    ].join('\n\n');
  });
  const memory = [
    '### Memory',
    'Resident set size of each process (VmRSS in /proc/<pid>/status) once seeded and before the first request, and after the last; ' +
      'peak: the kernel high-water mark since the process started (VmHWM; for the database server that includes the seed).',
    memoryTable(record.scales),
  ].join('\n\n');
  return [...sections, memory].join('\n\n');
}

function eventsSection(scale: string, runs: BenchRecord['scales'][number]['events'], perRun: number): string[] {
  if (runs.length === 0) return [];
  const failures = eventFailureLines(runs);
  return [
    `Events at the ${scale} scale: ${perRun} requests of each kind through the gateway one at a time at a steady pace, then ${perRun} more with many in flight as fast as they are answered, each run once every earlier event was handled; ` +
      `occurred: the event's time in the source service; published: the broker acknowledged it (the outbox's publishedAt); applied: the consumer's appliedEvents.appliedAt; ` +
      'events/s: events applied over the time from the first occurrence to the last application.',
    eventsTable(runs),
    ...(failures.length > 0 ? ['Events not made or not applied:', failures.map((line) => `- ${line}`).join('\n')] : []),
  ];
}
