import type { LatencySummary } from './measure.ts';
import type { RunFigures, ScenarioFigures } from './measure-scenario.ts';

/** The run of the same scenario at the same number in flight, straight to its subgraph. */
export function directRun(scenario: ScenarioFigures, concurrency: number): RunFigures | undefined {
  return scenario.runs.find((run) => run.route === 'subgraph' && run.concurrency === concurrency);
}

/** How many times longer a request took through the gateway than straight to the subgraph. */
export function overheadRatio(gateway: LatencySummary, direct: LatencySummary): { p50: number | null; p95: number | null } {
  const ratio = (through: number | null, straight: number | null) => (through === null || straight === null || straight === 0 ? null : through / straight);
  return { p50: ratio(gateway.p50Ms, direct.p50Ms), p95: ratio(gateway.p95Ms, direct.p95Ms) };
}
