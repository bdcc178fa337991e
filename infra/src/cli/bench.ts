import { randomBytes } from 'node:crypto';
import { parseCommandLine, scaleFlag, uriFlag } from '../command-line.ts';
import { dropDatabases } from '../bench/databases.ts';
import { runLoad, summarise } from '../bench/measure.ts';
import { countCommands, formatResults, formatSeed, type ScenarioResult } from '../bench/report.ts';
import { buildScenarios, ScenarioFailedError, send, type Scenario } from '../bench/scenarios.ts';
import { startDatabase, type DatabaseHandle } from '../database/start-database.ts';
import type { Scale } from '../seed/plan.ts';
import { seconds, seed } from '../seed/seed.ts';
// By relative path, not as @civic/test-harness: the harness depends on @civic/infra, so a package
// dependency back would be a cycle. The bench is a tool that borrows the harness's stack.
import { loadLocalSubgraphs } from '../../../shared/test-harness/src/local-subgraphs.ts';
import { startStack, type Stack } from '../../../shared/test-harness/src/stack.ts';

/**
 * `npm run bench`: latency, throughput and database commands of the queries users send, through
 * the real gateway and subgraphs, on freshly seeded databases that are dropped afterwards.
 */
const USAGE = `Usage: npm run bench -- [--scale street|district] [--requests N] [--concurrency C] [--uri <mongodb uri>]
  --scale        street (default, ~3,400 residents) or district (~200,000 residents)
  --requests     measured requests per scenario, after 10 to warm up (default 200)
  --concurrency  requests in flight at once (default 4)
  --uri          the database server; default MONGODB_URI, else an embedded throw-away one`;

const WARM_UP_REQUESTS = 10;

interface Flags {
  scale: Scale;
  requests: number;
  concurrency: number;
  uri: string | undefined;
}

function parseFlags(): Flags {
  const { values, usageError } = parseCommandLine('bench', USAGE, {
    scale: { type: 'string', default: 'street' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    uri: { type: 'string' },
  });
  const positiveInteger = (flag: string, value: unknown): number => {
    if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value)) return usageError(`--${flag} must be a positive whole number, not "${String(value)}"`);
    return Number(value);
  };
  return {
    scale: scaleFlag(values.scale, usageError),
    requests: positiveInteger('requests', values.requests),
    concurrency: positiveInteger('concurrency', values.concurrency),
    uri: uriFlag(values.uri, usageError),
  };
}

/** Warm up, measure under load, then count the database commands of one more request alone. */
async function benchmark(stack: Stack, scenario: Scenario, flags: Flags): Promise<ScenarioResult> {
  const request = () => send(stack, scenario);
  await runLoad(request, WARM_UP_REQUESTS, flags.concurrency);
  const latency = summarise(await runLoad(request, flags.requests, flags.concurrency));
  stack.resetCommands();
  await request();
  return { scenario: scenario.name, latency, commands: countCommands(stack.commands()) };
}

const flags = parseFlags();
// Info logs from every subgraph and the gateway would bury the table; warnings still show.
process.env.LOG_LEVEL ??= 'warn';
const started = Date.now();
const log = (line: string) => console.log(`[bench] ${line}`);
const prefix = `bench_${randomBytes(4).toString('hex')}_`;
let database: DatabaseHandle | undefined;
let stack: Stack | undefined;
let databaseNames: string[] = [];

let cleaning: Promise<void> | undefined;
/** Drops the bench databases and stops what the bench started, once, whatever happened. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stack?.stop();
    if (database && databaseNames.length > 0) {
      await dropDatabases(database.uri, databaseNames).then(
        () => log(`dropped ${databaseNames.join(', ')}`),
        (error: Error) => log(`could not drop ${databaseNames.join(', ')}: ${error.message}`),
      );
    }
    await database?.stop();
    log(`total ${seconds(Date.now() - started)} s`);
  })();
  return cleaning;
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  database = flags.uri ? { uri: flags.uri, kind: 'external', stop: async () => {} } : await startDatabase({ ephemeral: true, log });
  log(`database: ${database.kind}${database.kind === 'external' ? '' : ` at ${database.uri}`}`);
  const subgraphs = await loadLocalSubgraphs();
  databaseNames = subgraphs.map(({ name }) => prefix + name);

  const summary = await seed(database.uri, { scale: flags.scale, databasePrefix: prefix, log, progress: process.stderr.isTTY });
  log(formatSeed(summary));
  stack = await startStack({ subgraphs, mongoUri: database.uri, databaseNameFor: (name) => prefix + name });
  log(`stack: ${subgraphs.map(({ name }) => name).join(', ')} and the gateway at ${stack.gatewayUrl}`);

  const scenarios = await buildScenarios(stack, summary);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await benchmark(stack, scenario, flags);
    log(`${scenario.name}: p50 ${result.latency.p50Ms.toFixed(1)} ms`);
    results.push(result);
  }
  console.log(`\n${flags.scale} scale, ${flags.requests} requests per scenario, ${flags.concurrency} in flight, database ${database.kind}\n`);
  console.log(`${formatResults(results)}\n`);
} catch (error) {
  if (error instanceof ScenarioFailedError) {
    console.error(`[bench] ${error.message}; the figures would measure failures, so none are printed:`);
    console.error(JSON.stringify(error.response.errors, null, 2));
  } else {
    // A failed fetch says why only in its cause (a refused or closed connection, a timeout).
    const cause = (error as Error).cause;
    console.error(`[bench] failed: ${(error as Error).stack ?? String(error)}${cause instanceof Error ? `\ncaused by: ${cause.stack ?? cause.message}` : ''}`);
  }
  process.exitCode = 1;
} finally {
  await cleanUp();
}
