import { parseCommandLine, scaleFlag, uriFlag } from '../command-line.ts';
import { redactUri, startDatabase, type DatabaseHandle } from '@civic/dev-platform';
import { defaultKeysDir, loadOrCreateDevelopmentPiiKeys, PII_KEY_VARIABLES } from '@civic/identity';
import { readProcessMemory } from '../bench/process-memory.ts';
import type { Scale } from '../seed/plan.ts';
import { seconds, seed, SeedRefusedError } from '../seed/seed.ts';
import type { SeedSummary } from '../seed/summary.ts';

/**
 * `npm run seed`: deterministic sample data in every service's database.
 *   npm run seed -- [--scale street|district] [--reset] [--uri mongodb://host:port]
 */
const USAGE = `Usage: npm run seed -- [--scale street|district] [--reset] [--uri <mongodb uri>]
  --scale   street (default): one street, 6 communities, ~3,400 residents
            district: 12 streets of ~10 communities, ~200,000 residents
  --reset   drop the seeded databases (civic_<service>) first
  --uri     the database server; default MONGODB_URI, else the embedded database`;

function parseFlags(): { scale: Scale; reset: boolean; uri: string | undefined } {
  const { values, usageError } = parseCommandLine('seed', USAGE, {
    scale: { type: 'string', default: 'street' },
    reset: { type: 'boolean', default: false },
    uri: { type: 'string' },
  });
  return { scale: scaleFlag(values.scale, usageError), reset: values.reset === true, uri: uriFlag(values.uri, usageError) };
}

function printSummary(summary: SeedSummary): void {
  const rows = Object.entries(summary.counts).map(([collection, count]) => {
    const took = summary.insertSeconds[collection] ?? 0;
    return [collection, count.toLocaleString('en-US'), took.toFixed(1), count > 0 && took > 0 ? Math.round(count / took).toLocaleString('en-US') : '-'];
  });
  const total = Object.values(summary.counts).reduce((sum, count) => sum + count, 0);
  const insertTotal = Object.values(summary.insertSeconds).reduce((sum, took) => sum + took, 0);
  rows.push(['total', total.toLocaleString('en-US'), insertTotal.toFixed(1), Math.round(total / insertTotal).toLocaleString('en-US')]);
  const header = ['collection', 'documents', 'insert s', 'docs/s'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
  console.log(`\nSeeded the ${summary.scale} scale into ${Object.values(summary.databases).join(', ')} in ${seconds(summary.elapsedMs)} s.`);
  console.log(`  district ${summary.districtId}, street ${summary.streetId}, communities ${summary.communityIds.join(', ')}`);
  console.log(`  a resident: ${summary.sampleResidentId}; a grid worker: ${summary.sampleStaff?.residentId} (scope ${summary.sampleStaff?.scope.join(', ')})`);
}

/** The peak resident memory of this process and, when it runs here, of the database server (read before it stops). */
async function printPeakMemory(database: DatabaseHandle | undefined): Promise<void> {
  const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;
  const server = database?.pid === undefined ? null : await readProcessMemory(database.pid);
  const serverPeak = server ? `, the database server (pid ${database!.pid}) ${megabytes(server.peakRssBytes)}` : '';
  console.log(`  peak memory: the seed ${megabytes(process.resourceUsage().maxRSS * 1024)}${serverPeak}`);
}

const flags = parseFlags();
const log = (line: string) => console.log(`[seed] ${line}`);
let database: DatabaseHandle | undefined;
try {
  // The seed seals residents' numbers with the keys `npm start` then opens them with.
  if (process.env[PII_KEY_VARIABLES.encryptionKeys] === undefined) await loadOrCreateDevelopmentPiiKeys(defaultKeysDir());
  const uri = flags.uri ?? (database = await startDatabase({ log })).uri;
  if (database) log(`database: ${database.kind} at ${redactUri(database.uri)}`);
  printSummary(await seed(uri, { scale: flags.scale, reset: flags.reset, log, progress: true }));
  await printPeakMemory(database);
} catch (error) {
  console.error(`[seed] ${error instanceof SeedRefusedError ? '' : 'failed: '}${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
