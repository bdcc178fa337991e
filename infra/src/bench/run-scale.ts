import { randomBytes } from 'node:crypto';
import { startDatabase, type DatabaseHandle } from '@civic/dev-platform';
import { databaseNames } from '../seed/databases.ts';
import type { Scale } from '../seed/plan.ts';
import { seconds, seed } from '../seed/seed.ts';
import { findBenchWorld } from './bench-world.ts';
import type { BenchKeys } from './bench-keys.ts';
import { Callers } from './callers.ts';
import { dropDatabases } from './databases.ts';
import { compareGateways } from './gateway-comparison.ts';
import { measureScenario, type MeasureOptions } from './measure-scenario.ts';
import { startMemoryWatch } from './memory-watch.ts';
import { startProcessStack } from './process-stack.ts';
import { readScenarios } from './read-scenarios.ts';
import { loopbackServerProcessId } from './server-process.ts';
import type { ScaleFigures } from './scale-figures.ts';
import type { Teardown } from './teardown.ts';
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
  progress: boolean;
  teardown: Teardown;
}

/**
 * One scale from scratch: a database server (its own unless given), freshly seeded databases,
 * the graph as processes, then every scenario: reads first, then the reads through both gateway
 * runtimes side by side, then the writes, so that the writes' new data does not weigh on the
 * reads. Whatever it started goes on `teardown`, the bench databases included.
 */
export async function runScale(options: ScaleRunOptions): Promise<ScaleFigures> {
  const { log, teardown } = options;
  const database: DatabaseHandle = options.uri ? { uri: options.uri, kind: 'external', stop: async () => {} } : await startDatabase({ ephemeral: true, log });
  teardown.add('stop the database server', () => database.stop());
  log(`database: ${database.kind}${database.pid === undefined ? '' : `, process ${database.pid}`}`);

  const prefix = `bench_${randomBytes(4).toString('hex')}_`;
  const names = Object.values(databaseNames(prefix));
  teardown.add(`drop ${names.join(', ')}`, () => dropDatabases(database.uri, names).then(() => log(`dropped ${names.join(', ')}`)));
  const summary = await seed(database.uri, { scale: options.scale, databasePrefix: prefix, log, progress: options.progress });
  log(`seeded the ${options.scale} scale in ${seconds(summary.elapsedMs)} s: ${Object.values(summary.counts).reduce((sum, count) => sum + count, 0).toLocaleString('en-US')} records`);

  const stack = await startProcessStack({ databaseUri: database.uri, databaseNameFor: (subgraph) => prefix + subgraph, keys: options.keys, log });
  teardown.add('stop the graph', () => stack.stop());
  log(`graph: ${stack.processes.map(({ name, pid }) => `${name} (process ${pid})`).join(', ')}`);

  const world = await findBenchWorld(stack.gatewayUrl, new Callers(options.keys), summary);
  const reads = readScenarios(world);
  const writes = [
    submitWishScenario(world),
    await claimWishScenario(world),
    activitySignUpScenario(world),
    await resourceBookingScenario(world),
    microProjectVoteScenario(world),
  ];

  const databasePid = database.pid ?? (await loopbackServerProcessId(database.uri));
  const watched = databasePid === null ? stack.processes : [...stack.processes, { name: `database (${database.kind})`, pid: databasePid }];
  if (databasePid === null) log('database: no process of it on this machine to measure');
  const memory = await startMemoryWatch(watched);
  const measured = [];
  for (const scenario of reads) measured.push(await measureScenario(stack, scenario, options));
  const gateways = [];
  for (const scenario of reads) gateways.push(...(await compareGateways(stack, scenario, options)));
  for (const scenario of writes) measured.push(await measureScenario(stack, scenario, options));
  return {
    scale: options.scale,
    database: database.kind,
    seed: { elapsedMs: summary.elapsedMs, counts: summary.counts },
    scenarios: measured,
    gateways,
    memory: await memory.finish(),
  };
}
