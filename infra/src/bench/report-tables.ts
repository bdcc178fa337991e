import { formatCommands, formatMebibytes, formatMs, formatRatio } from './figures-format.ts';
import { directRun, overheadRatio } from './gateway-overhead.ts';
import { markdownTable } from './markdown-table.ts';
import type { Failures } from './measure.ts';
import type { RunFigures, ScenarioFigures } from './measure-scenario.ts';
import type { ScaleFigures } from './scale-figures.ts';
import type { Verdict } from './targets.ts';

/** One row per scenario and number in flight, through the gateway; the direct run gives the overhead. */
export function resultsTable(figures: ScaleFigures): string {
  const rows = figures.scenarios.flatMap((scenario) =>
    scenario.runs
      .filter((run) => run.route === 'gateway')
      .map((run) => {
        const direct = directRun(scenario, run.concurrency);
        const { latency } = run;
        return [
          scenario.scenario,
          String(run.concurrency),
          optionalMs(latency.p50Ms),
          optionalMs(latency.p95Ms),
          optionalMs(latency.p99Ms),
          latency.requestsPerSecond.toFixed(1),
          commandsCell(scenario),
          direct ? overheadCell(run, direct) : '—',
          failuresCell(run.failures, direct?.failures),
        ];
      }),
  );
  return markdownTable(
    [
      { title: 'scenario', align: 'left' },
      { title: 'in flight', align: 'right' },
      { title: 'p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'p99 ms', align: 'right' },
      { title: 'req/s', align: 'right' },
      { title: 'commands per request', align: 'left' },
      { title: 'gateway overhead p50 / p95', align: 'right' },
      { title: 'failed', align: 'left' },
    ],
    rows,
  );
}

export function targetsTable(verdicts: readonly Verdict[]): string {
  return markdownTable(
    [
      { title: 'target', align: 'left' },
      { title: 'scenario', align: 'left' },
      { title: 'in flight', align: 'right' },
      { title: 'measured', align: 'left' },
      { title: 'met', align: 'left' },
    ],
    verdicts.map((verdict) => [verdict.target, verdict.scenario, verdict.concurrency === null ? '—' : String(verdict.concurrency), verdict.measured, verdict.met === null ? 'not measured' : verdict.met ? 'yes' : '**no**']),
  );
}

/** Memory of every process at every scale, in MiB. */
export function memoryTable(scales: readonly ScaleFigures[]): string {
  return markdownTable(
    [
      { title: 'process', align: 'left' },
      { title: 'scale', align: 'left' },
      { title: 'RSS before load MiB', align: 'right' },
      { title: 'RSS after load MiB', align: 'right' },
      { title: 'peak RSS MiB', align: 'right' },
    ],
    scales.flatMap(({ scale, memory }) =>
      memory.map((process) => [process.name, scale, formatMebibytes(process.idleRssBytes), formatMebibytes(process.endRssBytes), formatMebibytes(process.peakRssBytes)]),
    ),
  );
}

/** Every kind of failure with the first message of its kind, so a failing scenario says why. */
export function failureLines(figures: ScaleFigures): string[] {
  return figures.scenarios.flatMap((scenario) => [
    ...scenario.runs.flatMap((run) =>
      Object.entries(run.failures).map(([kind, { count, example }]) => `${scenario.scenario}, ${run.concurrency} in flight, ${routeName(run, scenario)}: ${count} × ${kind}: ${example}`),
    ),
    ...scenario.commands.flatMap(({ failure, pageLength }) => (failure ? [`${scenario.scenario}, counting commands${pageLength === null ? '' : ` at ${pageLength} per page`}: ${failure.kind}: ${failure.message}`] : [])),
  ]);
}

function routeName(run: RunFigures, scenario: ScenarioFigures): string {
  return run.route === 'gateway' ? 'through the gateway' : `straight to ${scenario.subgraph}`;
}

function optionalMs(ms: number | null): string {
  return ms === null ? '—' : formatMs(ms);
}

/** At the scenario's own page length, and at the longest page when that costs something else. */
function commandsCell(scenario: ScenarioFigures): string {
  const [own, ...others] = scenario.commands;
  if (!own) return '—';
  const differing = others.filter((other) => formatCommands(other.bySubgraph) !== formatCommands(own.bySubgraph));
  return [formatCommands(own.bySubgraph), ...differing.map((other) => `at ${other.pageLength} per page: ${formatCommands(other.bySubgraph)}`)].join('; ');
}

function overheadCell(gateway: RunFigures, direct: RunFigures): string {
  const { p50, p95 } = overheadRatio(gateway.latency, direct.latency);
  return `${p50 === null ? '—' : formatRatio(p50)} / ${p95 === null ? '—' : formatRatio(p95)}`;
}

function failuresCell(gateway: Failures, direct: Failures | undefined): string {
  const list = (failures: Failures) => Object.entries(failures).map(([kind, { count }]) => `${count} ${kind}`);
  const cells = [...list(gateway), ...(direct ? list(direct).map((entry) => `${entry} direct`) : [])];
  return cells.length === 0 ? 'none' : cells.join(', ');
}
