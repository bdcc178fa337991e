import type { Scale } from '../seed/plan.ts';
import type { CommandFigures, ScenarioFigures } from './measure-scenario.ts';
import { directRun, overheadRatio } from './gateway-overhead.ts';
import { formatCommands, formatMs, formatRatio } from './figures-format.ts';
import type { ScaleFigures } from './scale-figures.ts';

/** What the graph promises its front line; the bench reports each against its figures, never a test. */
export const TARGETS = {
  /** p95 of every front-line read at `readConcurrency` requests in flight, through the gateway. */
  readP95Ms: { street: 100, district: 250 } satisfies Record<Scale, number>,
  readConcurrency: 4,
  /** p50 and p95 through the gateway over the same straight to the subgraph. */
  maxGatewayOverhead: 1.5,
} as const;

export interface Verdict {
  target: string;
  scenario: string;
  concurrency: number | null;
  measured: string;
  /** Null when the run did not measure it (a number in flight not asked for, no successful request). */
  met: boolean | null;
}

export function judge(figures: ScaleFigures): Verdict[] {
  return [
    ...figures.scenarios.filter(({ kind }) => kind === 'read').map((scenario) => readLatencyVerdict(figures.scale, scenario)),
    ...figures.scenarios.flatMap(overheadVerdicts),
    ...figures.scenarios.flatMap((scenario) => (scenario.expectedCommands ? [commandVerdict(scenario, scenario.expectedCommands)] : [])),
  ];
}

function readLatencyVerdict(scale: Scale, scenario: ScenarioFigures): Verdict {
  const limit = TARGETS.readP95Ms[scale];
  const verdict = { target: `read p95 ≤ ${limit} ms`, scenario: scenario.scenario, concurrency: TARGETS.readConcurrency };
  const run = scenario.runs.find((candidate) => candidate.route === 'gateway' && candidate.concurrency === TARGETS.readConcurrency);
  if (!run) return { ...verdict, measured: `not run at ${TARGETS.readConcurrency} in flight`, met: null };
  if (run.latency.p95Ms === null) return { ...verdict, measured: 'no request succeeded', met: false };
  const p95 = `p95 ${formatMs(run.latency.p95Ms)} ms`;
  if (run.latency.failed > 0) return { ...verdict, measured: `${p95}, ${run.latency.failed} failed`, met: false };
  return { ...verdict, measured: p95, met: run.latency.p95Ms <= limit };
}

function overheadVerdicts(scenario: ScenarioFigures): Verdict[] {
  return scenario.runs
    .filter((run) => run.route === 'gateway')
    .flatMap((gateway): Verdict[] => {
      const direct = directRun(scenario, gateway.concurrency);
      if (!direct) return [];
      const verdict = { target: `gateway overhead ≤ ${TARGETS.maxGatewayOverhead}×`, scenario: scenario.scenario, concurrency: gateway.concurrency };
      const { p50, p95 } = overheadRatio(gateway.latency, direct.latency);
      if (p50 === null || p95 === null) return [{ ...verdict, measured: 'no request succeeded on one route', met: null }];
      return [{ ...verdict, measured: `p50 ${formatRatio(p50)}, p95 ${formatRatio(p95)}`, met: p50 <= TARGETS.maxGatewayOverhead && p95 <= TARGETS.maxGatewayOverhead }];
    });
}

function commandVerdict(scenario: ScenarioFigures, expected: Record<string, number>): Verdict {
  const measured = scenario.commands.map((counted) => `${formatCommands(counted.bySubgraph)}${counted.pageLength === null ? '' : ` at ${counted.pageLength} per page`}${counted.failure ? ` (failed: ${counted.failure.kind})` : ''}`);
  const met = scenario.commands.every((counted) => counted.failure === null && sameCounts(counted.bySubgraph, expected));
  return { target: `commands = ${formatCommands(expected)}`, scenario: scenario.scenario, concurrency: null, measured: measured.join('; '), met };
}

function sameCounts(measured: CommandFigures['bySubgraph'], expected: Record<string, number>): boolean {
  const subgraphs = new Set([...Object.keys(measured), ...Object.keys(expected)]);
  return [...subgraphs].every((subgraph) => (measured[subgraph] ?? 0) === (expected[subgraph] ?? 0));
}
