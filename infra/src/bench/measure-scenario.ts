import { MAX_PAGE_SIZE } from '@civic/service-kit';
import { postGraphQL } from './graphql-client.ts';
import { mergeLoads, runLoad, summarise, type Failures, type LatencySummary, type LoadResult } from './measure.ts';
import type { ProcessStack } from './process-stack.ts';
import { failureOf, type Failure } from './request-outcome.ts';
import type { Scenario, ScenarioRequest } from './scenario.ts';

/** Where requests go: the gateway as clients call it, or the scenario's one subgraph directly. */
export type Route = 'gateway' | 'subgraph';

export interface RunFigures {
  route: Route;
  concurrency: number;
  latency: LatencySummary;
  failures: Failures;
}

/** The database commands one request cost, by subgraph, at a page length (null: the read does not page, or a write). */
export interface CommandFigures {
  pageLength: number | null;
  bySubgraph: Record<string, number>;
  /** A counted request that failed counts the commands of a failure. */
  failure: Failure;
}

export interface ScenarioFigures {
  scenario: string;
  kind: Scenario['kind'];
  subgraph: string | null;
  expectedCommands: Record<string, number> | null;
  runs: RunFigures[];
  commands: CommandFigures[];
}

export interface MeasureOptions {
  concurrencies: readonly number[];
  requests: number;
  maxSeconds: number;
  /** Requests sent and not measured before each run: connections, JIT, caches. */
  warmUp: number;
  log: (line: string) => void;
}

/**
 * For each number in flight: the scenario through the gateway and, for one subgraph's scenarios,
 * straight to that subgraph, each with requests of its own. The two routes take turns in halves,
 * gateway, direct, direct, gateway, so that a machine getting busier or quieter during the run
 * weighs on both alike. Then the commands of one request sent alone, at its page length and at
 * the longest page.
 */
export async function measureScenario(stack: ProcessStack, scenario: Scenario, options: MeasureOptions): Promise<ScenarioFigures> {
  const routes: Route[] = scenario.subgraph ? ['gateway', 'subgraph'] : ['gateway'];
  const runs: RunFigures[] = [];
  // One route runs in one go; two take turns in halves.
  const turns: Route[] = scenario.subgraph ? ['gateway', 'subgraph', 'subgraph', 'gateway'] : ['gateway'];
  const parts = turns.length / routes.length;
  for (const concurrency of options.concurrencies) {
    const portions = new Map<Route, ScenarioRequest[][]>();
    for (const route of routes) {
      const requests = await scenario.prepare(options.warmUp + options.requests);
      await load(stack, scenario, route, requests.splice(0, options.warmUp), concurrency, options.maxSeconds);
      portions.set(route, inPortions(requests, parts));
    }
    const loads = new Map<Route, LoadResult[]>(routes.map((route) => [route, []]));
    for (const route of turns) loads.get(route)!.push(await load(stack, scenario, route, portions.get(route)!.shift()!, concurrency, options.maxSeconds / parts));
    for (const route of routes) {
      const merged = mergeLoads(loads.get(route)!);
      const run = { route, concurrency, latency: summarise(merged), failures: merged.failures };
      options.log(`${scenario.name}, ${concurrency} in flight, ${route}: ${describeRun(run)}`);
      runs.push(run);
    }
  }
  const [request] = await scenario.prepare(1);
  const commands = [await countCommands(stack, request!, scenario.paged ? (request!.operation.variables.first as number) : null)];
  if (scenario.paged) {
    const [longest] = await scenario.prepare(1);
    const atLongest = { ...longest!, operation: { ...longest!.operation, variables: { ...longest!.operation.variables, first: MAX_PAGE_SIZE } } };
    commands.push(await countCommands(stack, atLongest, MAX_PAGE_SIZE));
  }
  return { scenario: scenario.name, kind: scenario.kind, subgraph: scenario.subgraph ?? null, expectedCommands: scenario.expectedCommands ?? null, runs, commands };
}

/** The requests in `parts` runs of (nearly) equal length, in order. */
function inPortions<T>(requests: readonly T[], parts: number): T[][] {
  const size = Math.ceil(requests.length / parts);
  return Array.from({ length: parts }, (_, index) => requests.slice(index * size, (index + 1) * size));
}

/** Sends the given requests, each once, with `concurrency` in flight, for at most `maxSeconds`. */
function load(stack: ProcessStack, scenario: Scenario, route: Route, requests: ScenarioRequest[], concurrency: number, maxSeconds: number): Promise<LoadResult> {
  const url = route === 'gateway' ? stack.gatewayUrl : stack.subgraphUrl(scenario.subgraph!);
  let next = 0;
  return runLoad(() => send(url, route === 'gateway' ? null : scenario.subgraph!, requests[next++]!), { requests: requests.length, concurrency, maxMs: maxSeconds * 1000 });
}

/** One request to `url`: through the gateway (subgraph null) with the caller's token, or to the named subgraph directly with the viewer the gateway would forward to it. */
export async function send(url: string, subgraph: string | null, request: ScenarioRequest): Promise<Failure> {
  const headers = subgraph === null ? request.caller.gatewayHeaders() : await request.caller.subgraphHeaders(subgraph);
  return failureOf(await postGraphQL(url, request.operation, headers));
}

/** One request alone through the gateway, and what each subgraph's command count grew by. */
async function countCommands(stack: ProcessStack, request: ScenarioRequest, pageLength: number | null): Promise<CommandFigures> {
  const before = await stack.commandCounts();
  const failure = await send(stack.gatewayUrl, null, request);
  const after = await stack.commandCounts();
  const bySubgraph = Object.fromEntries(Object.entries(after).flatMap(([subgraph, count]) => (count > before[subgraph]! ? [[subgraph, count - before[subgraph]!]] : [])));
  return { pageLength, bySubgraph, failure };
}

function describeRun({ latency, failures }: RunFigures): string {
  const failed = Object.entries(failures).map(([kind, { count }]) => `${count} ${kind}`);
  const timing = latency.p50Ms === null ? 'no request succeeded' : `p50 ${latency.p50Ms.toFixed(1)} ms, p95 ${latency.p95Ms!.toFixed(1)} ms`;
  return failed.length > 0 ? `${timing}; failed: ${failed.join(', ')}` : timing;
}
