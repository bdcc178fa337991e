import type { GatewayRuntime } from '@civic/graph-runner';
import { mergeLoads, runLoad, summarise, type LatencySummary, type LoadResult } from './measure.ts';
import { send, type MeasureOptions } from './measure-scenario.ts';
import type { ProcessStack } from './process-stack.ts';
import { readProcessCpuMs } from './process-cpu.ts';
import type { Scenario, ScenarioRequest } from './scenario.ts';

export const COMPARED_RUNTIMES: readonly GatewayRuntime[] = ['apollo', 'hive'];

/** One gateway runtime's run of a scenario: its latencies and the CPU time its process spent per request. */
export interface GatewayRun {
  latency: LatencySummary;
  /** Null where /proc could not be read. */
  cpuMsPerRequest: number | null;
}

/** Both gateways and the direct call for one scenario at one number in flight. */
export interface GatewayComparison {
  scenario: string;
  concurrency: number;
  gateways: Record<GatewayRuntime, GatewayRun>;
  /** Straight to the scenario's one subgraph; null for a scenario that spans several. */
  direct: LatencySummary | null;
}

type Turn = GatewayRuntime | 'direct';

/**
 * The same reads through each gateway runtime and straight to their subgraph, with requests of
 * their own, taking turns in halves (apollo, hive, direct, direct, hive, apollo) so that a machine
 * getting busier or quieter weighs on all alike. A gateway's CPU time is read from its process
 * before and after each of its turns: only that gateway is loaded then.
 */
export async function compareGateways(stack: ProcessStack, scenario: Scenario, options: MeasureOptions): Promise<GatewayComparison[]> {
  const routes: Turn[] = scenario.subgraph ? [...COMPARED_RUNTIMES, 'direct'] : [...COMPARED_RUNTIMES];
  const turns = [...routes, ...[...routes].reverse()];
  const comparisons: GatewayComparison[] = [];
  for (const concurrency of options.concurrencies) {
    const portions = new Map<Turn, ScenarioRequest[][]>();
    for (const route of routes) {
      const requests = await scenario.prepare(options.warmUp + options.requests);
      await load(stack, scenario, route, requests.splice(0, options.warmUp), concurrency, options.maxSeconds);
      portions.set(route, inHalves(requests));
    }
    const loads = new Map<Turn, LoadResult[]>(routes.map((route) => [route, []]));
    const cpuMs = new Map<GatewayRuntime, (number | null)[]>(COMPARED_RUNTIMES.map((runtime) => [runtime, []]));
    for (const route of turns) {
      const run = () => load(stack, scenario, route, portions.get(route)!.shift()!, concurrency, options.maxSeconds / 2);
      if (route === 'direct') {
        loads.get(route)!.push(await run());
        continue;
      }
      const pid = stack.gateways[route].pid;
      const before = await readProcessCpuMs(pid);
      loads.get(route)!.push(await run());
      const after = await readProcessCpuMs(pid);
      cpuMs.get(route)!.push(before === null || after === null ? null : after - before);
    }
    const gatewayRun = (runtime: GatewayRuntime): GatewayRun => {
      const merged = mergeLoads(loads.get(runtime)!);
      const sent = merged.latenciesMs.length + Object.values(merged.failures).reduce((sum, { count }) => sum + count, 0);
      const turnsCpuMs = cpuMs.get(runtime)!;
      const spent = turnsCpuMs.includes(null) ? null : turnsCpuMs.reduce<number>((sum, ms) => sum + ms!, 0);
      return { latency: summarise(merged), cpuMsPerRequest: spent === null || sent === 0 ? null : spent / sent };
    };
    const comparison: GatewayComparison = {
      scenario: scenario.name,
      concurrency,
      gateways: { apollo: gatewayRun('apollo'), hive: gatewayRun('hive') },
      direct: scenario.subgraph ? summarise(mergeLoads(loads.get('direct')!)) : null,
    };
    options.log(`${scenario.name}, ${concurrency} in flight: ${describe(comparison)}`);
    comparisons.push(comparison);
  }
  return comparisons;
}

function load(stack: ProcessStack, scenario: Scenario, route: Turn, requests: ScenarioRequest[], concurrency: number, maxSeconds: number): Promise<LoadResult> {
  const url = route === 'direct' ? stack.subgraphUrl(scenario.subgraph!) : stack.gateways[route].url;
  let next = 0;
  return runLoad(() => send(url, route === 'direct' ? scenario.subgraph! : null, requests[next++]!), { requests: requests.length, concurrency, maxMs: maxSeconds * 1000 });
}

function inHalves<T>(requests: readonly T[]): T[][] {
  const half = Math.ceil(requests.length / 2);
  return [requests.slice(0, half), requests.slice(half)];
}

function describe(comparison: GatewayComparison): string {
  const p50 = (latency: LatencySummary | null) => (latency?.p50Ms == null ? '—' : `${latency.p50Ms.toFixed(1)} ms`);
  const gateways = COMPARED_RUNTIMES.map((runtime) => {
    const { latency, cpuMsPerRequest } = comparison.gateways[runtime];
    return `${runtime} p50 ${p50(latency)}, CPU ${cpuMsPerRequest === null ? '—' : `${cpuMsPerRequest.toFixed(2)} ms`}/request`;
  });
  return [...gateways, `direct p50 ${p50(comparison.direct)}`].join('; ');
}
