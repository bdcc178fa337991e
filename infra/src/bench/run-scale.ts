import { randomBytes } from 'node:crypto';
import { startDatabase, type DatabaseHandle } from '@civic/dev-platform';
import { SERVICES } from '../events/service-event-stores.ts';
import type { Scale } from '../seed/plan.ts';
import { seconds, seed } from '../seed/seed.ts';
import { findBenchWorld } from './bench-world.ts';
import type { BenchKeys } from './bench-keys.ts';
import { Callers } from './callers.ts';
import { dropDatabases } from './databases.ts';
import { startBenchBroker } from './events/bench-broker.ts';
import { prepareCheckIns } from './events/check-ins.ts';
import { openEventDatabases } from './events/event-databases.ts';
import { runEventsPhase } from './events/events-phase.ts';
import { waitUntilQuiet } from './events/quiet-consumers.ts';
import { prepareWishConfirmations } from './events/wish-confirmations.ts';
import { compareGateways } from './gateway-comparison.ts';
import { measureScenario, type MeasureOptions } from './measure-scenario.ts';
import { startMemoryWatch } from './memory-watch.ts';
import { startProcessStack } from './process-stack.ts';
import { readScenarios } from './read-scenarios.ts';
import { loopbackServerProcessId } from './server-process.ts';
import type { ScaleFigures } from './scale-figures.ts';
import type { Teardown } from './teardown.ts';
import type { Scenario } from './scenario.ts';
import { activitySignUpScenario } from './writes/activity-sign-up.ts';
import { claimWishScenario } from './writes/claim-wish.ts';
import { microProjectVoteScenario } from './writes/micro-project-vote.ts';
import { resourceBookingScenario } from './writes/resource-booking.ts';
import { submitWishScenario } from './writes/submit-wish.ts';

export interface ScaleRunOptions extends MeasureOptions {
  scale: Scale;
  /** The database server to use; none: an embedded, throw-away one for this scale alone. */
  uri: string | undefined;
  keys: BenchKeys;
  /** Events of each kind per run of the events phase. */
  events: number;
  /** Only the scenarios whose name contains it, and neither the comparison nor the events phase; null: everything. */
  only: string | null;
  progress: boolean;
  teardown: Teardown;
}

/**
 * One scale from scratch: a database server (its own unless given), a broker (NATS_URL's, else
 * its own) with a stream of the run's own, freshly seeded databases, the graph as processes, then
 * every scenario: reads first, then the reads through both gateway runtimes side by side, then the
 * writes, so that the writes' new data does not weigh on the reads, then the events phase, whose
 * targets are set up before the reads. Whatever it started goes on `teardown`, the bench
 * databases and the stream included.
 */
export async function runScale(options: ScaleRunOptions): Promise<ScaleFigures> {
  const { log, teardown } = options;
  const database: DatabaseHandle = options.uri ? { uri: options.uri, kind: 'external', stop: async () => {} } : await startDatabase({ ephemeral: true, log });
  teardown.add('stop the database server', () => database.stop());
  log(`database: ${database.kind}${database.pid === undefined ? '' : `, process ${database.pid}`}`);

  const prefix = `bench_${randomBytes(4).toString('hex')}_`;
  const names = SERVICES.map(({ name }) => prefix + name);
  teardown.add(`drop ${names.join(', ')}`, () => dropDatabases(database.uri, names).then(() => log(`dropped ${names.join(', ')}`)));
  const summary = await seed(database.uri, { scale: options.scale, databasePrefix: prefix, log, progress: options.progress, environment: options.keys.env.pii });
  log(`seeded the ${options.scale} scale in ${seconds(summary.elapsedMs)} s: ${Object.values(summary.counts).reduce((sum, count) => sum + count, 0).toLocaleString('en-US')} records`);

  const broker = await startBenchBroker(teardown, log);
  const stack = await startProcessStack({ databaseUri: database.uri, databaseNameFor: (subgraph) => prefix + subgraph, keys: options.keys, events: broker.events, log });
  teardown.add('stop the graph', () => stack.stop());
  log(`graph: ${stack.processes.map(({ name, pid }) => `${name} (process ${pid})`).join(', ')}`);

  const world = await findBenchWorld(stack.gatewayUrl, new Callers(options.keys), summary);
  const { only } = options;
  const chosen = (scenario: Scenario) => only === null || scenario.name.includes(only);
  const reads = readScenarios(world).filter(chosen);
  const writes = only === null ? [submitWishScenario(world), await claimWishScenario(world), activitySignUpScenario(world), await resourceBookingScenario(world), microProjectVoteScenario(world)] : [];
  // Each source's targets for a run one at a time and a run in a burst.
  const eventSources = only === null ? [await prepareCheckIns(world, 2 * options.events), await prepareWishConfirmations(world, 2 * options.events)] : [];
  const eventDatabases = await openEventDatabases(database.uri, prefix);
  teardown.add('close the bench connection to the databases', () => eventDatabases.close());
  const eventsContext = { stack, databases: eventDatabases, manager: broker.manager, streamName: broker.events.streamName };
  const settleSeconds = options.maxSeconds;
  // The setup's own events are handled before anything is measured.
  if (!(await waitUntilQuiet(eventDatabases, broker.manager, broker.events.streamName, settleSeconds * 1000))) log(`the setup's events are still being handled after ${settleSeconds} s`);

  const databasePid = database.pid ?? (await loopbackServerProcessId(database.uri));
  const servers = [...(databasePid === null ? [] : [{ name: `database (${database.kind})`, pid: databasePid }]), ...(broker.pid === undefined ? [] : [{ name: 'broker (nats-server)', pid: broker.pid }])];
  const watched = [...stack.processes, ...servers];
  if (databasePid === null) log('database: no process of it on this machine to measure');
  const memory = await startMemoryWatch(watched);
  const measured = [];
  for (const scenario of reads) measured.push(await measureScenario(stack, scenario, options));
  const gateways = [];
  if (only === null) for (const scenario of reads) gateways.push(...(await compareGateways(stack, scenario, options)));
  for (const scenario of writes) measured.push(await measureScenario(stack, scenario, options));
  const burstInFlight = Math.max(...options.concurrencies);
  const events = await runEventsPhase(eventsContext, eventSources, { events: options.events, burstInFlight, settleSeconds, log });
  return {
    scale: options.scale,
    database: database.kind,
    seed: { elapsedMs: summary.elapsedMs, counts: summary.counts },
    scenarios: measured,
    gateways,
    events,
    memory: await memory.finish(),
  };
}
