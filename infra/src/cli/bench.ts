import { parseBenchFlags, WARM_UP_REQUESTS } from '../bench/bench-flags.ts';
import { benchRecord, writeBenchRecord, type BenchRecord } from '../bench/bench-file.ts';
import { generateBenchKeys } from '../bench/bench-keys.ts';
import { formatReport } from '../bench/report.ts';
import { runScale } from '../bench/run-scale.ts';
import { SetupFailedError } from '../bench/setup-request.ts';
import { judge } from '../bench/targets.ts';
import { Teardown } from '../bench/teardown.ts';
import { seconds } from '../seed/seed.ts';

/**
 * `npm run bench`: the front line's reads and writes through the gateway of the graph run as
 * processes, as `npm start` runs it, on freshly seeded databases dropped afterwards: latency,
 * throughput, failures and database commands per request at each number in flight, the gateway's
 * overhead over calling the subgraph directly, the reads through Apollo's gateway and Hive Gateway
 * side by side (latency, overhead, CPU per request), how late each event consumer applies real
 * domain events and how many a second, each process's memory, and the targets met or not.
 */
const startedAt = new Date();
const flags = parseBenchFlags(startedAt);
// Info logs from every subgraph and the gateway would bury the figures; warnings still show.
process.env.LOG_LEVEL ??= 'warn';
const log = (line: string) => console.log(`[bench] ${line}`);
const keys = await generateBenchKeys();
let teardown: Teardown | undefined;
process.once('SIGINT', () => void (teardown?.run(log) ?? Promise.resolve()).finally(() => process.exit(130)));

const scales: BenchRecord['scales'] = [];
try {
  for (const scale of flags.scales) {
    const scaleStarted = Date.now();
    teardown = new Teardown();
    try {
      const figures = await runScale({
        scale,
        uri: flags.uri,
        keys,
        events: flags.events,
        only: flags.only,
        concurrencies: flags.concurrencies,
        requests: flags.requests,
        maxSeconds: flags.maxSeconds,
        warmUp: WARM_UP_REQUESTS,
        progress: process.stderr.isTTY,
        teardown,
        log,
      });
      scales.push({ ...figures, verdicts: judge(figures) });
    } finally {
      await teardown.run(log);
      log(`${scale} scale: ${seconds(Date.now() - scaleStarted)} s`);
    }
  }
} catch (error) {
  if (error instanceof SetupFailedError) {
    console.error(`[bench] ${error.message}; the figures would measure failures, so none are taken:`);
    console.error(JSON.stringify(error.response.errors, null, 2));
  } else {
    // A failed fetch says why only in its cause (a refused or closed connection, a timeout).
    const cause = (error as Error).cause;
    console.error(`[bench] failed: ${(error as Error).stack ?? String(error)}${cause instanceof Error ? `\ncaused by: ${cause.stack ?? cause.message}` : ''}`);
  }
  process.exitCode = 1;
}

if (scales.length > 0) {
  const record = benchRecord(flags, WARM_UP_REQUESTS, startedAt, scales);
  await writeBenchRecord(flags.out, record);
  console.log(`\n${formatReport(record)}\n`);
  log(`figures written to ${flags.out}`);
}
