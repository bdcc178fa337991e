import type { DatabaseHandle, BrokerHandle } from '@civic/dev-platform';
import { redactUri, startBroker, startDatabase } from '@civic/dev-platform';
import { connectBroker, eventsSettingsOn, parkedEventModel, replayFromStream, replayParkedEvents, type ReplayReport, type StreamPosition } from '@civic/events';
import { connectServiceDatabase, serviceEventStore } from '@civic/service-kit';
import { parseCommandLine, uriFlag } from '../command-line.ts';
import { DEFAULT_DATABASE_PREFIX } from '../seed/databases.ts';
import { consumerNames, databaseNameOf, findConsumer, openServiceForReplay, SERVICES } from '../events/service-event-stores.ts';

/**
 * `npm run events`: what operators do with events the consumers parked, and replays.
 */
const USAGE = `Usage:
  npm run events -- parked [--uri <mongodb uri>]
      lists the parked events of every service's database
  npm run events -- replay <consumer> <eventId>|--all [--uri <mongodb uri>]
      applies parked events of <consumer> again, exactly once; each that applies leaves the parked list
  npm run events -- replay-stream <consumer> --from-sequence <n>|--since <ISO time> [--uri <mongodb uri>] [--nats <nats url>]
      applies the consumer's kinds again from the stream; what was applied before changes nothing
  --uri    the database server; default MONGODB_URI, else the embedded database (not while npm start runs it)
  --nats   the broker; default NATS_URL, else the embedded broker (not while npm start runs it)
  --database-prefix   the services' databases are <prefix><service>; civic_ by default
  NATS_STREAM and NATS_SUBJECT_PREFIX name the stream and subjects, as for the services.`;

const { values, positionals, usageError } = parseCommandLine(
  'events',
  USAGE,
  { uri: { type: 'string' }, nats: { type: 'string' }, 'database-prefix': { type: 'string', default: DEFAULT_DATABASE_PREFIX }, all: { type: 'boolean', default: false }, 'from-sequence': { type: 'string' }, since: { type: 'string' } },
  { allowPositionals: true },
);
const log = (line: string) => console.error(`[events] ${line}`);
const [command, consumerName, eventId] = positionals;
const databasePrefix = String(values['database-prefix']);
const started: (DatabaseHandle | BrokerHandle)[] = [];

const commands: Record<string, (mongoUri: string) => Promise<void>> = { parked: listParked, replay: replayParked, 'replay-stream': replayStream };
const run = commands[command ?? ''] ?? usageError(command ? `unknown command "${command}"` : 'a command is needed');
// Refused before any server starts.
if (command !== 'parked') consumerOrExit();
try {
  await run(uriFlag(values.uri, usageError) ?? (await startServer(startDatabase({ log }))).uri);
} catch (error) {
  console.error(`events: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await Promise.all(started.map((server) => server.stop()));
}

async function listParked(mongoUri: string): Promise<void> {
  let total = 0;
  for (const service of SERVICES) {
    const { connection } = await connectServiceDatabase(mongoUri, databaseNameOf(service.name, databasePrefix));
    try {
      const parked = await parkedEventModel(connection).find().sort({ consumer: 1, parkedAt: 1 }).lean();
      total += parked.length;
      for (const entry of parked) {
        console.log([service.name, entry.consumer, entry.eventId, entry.event.kind, `attempts ${entry.attempts}`, entry.parkedAt.toISOString(), entry.reason].join('\t'));
      }
    } finally {
      await connection.close();
    }
  }
  console.error(`${total} parked event${total === 1 ? '' : 's'}`);
}

function consumerOrExit() {
  const found = consumerName ? findConsumer(consumerName) : null;
  if (!found) return usageError(`no consumer named "${consumerName ?? ''}"; the consumers are: ${consumerNames().join(', ') || 'none'}`);
  return found;
}

async function replayParked(mongoUri: string): Promise<void> {
  const { service, consumer } = consumerOrExit();
  if ((eventId === undefined) === (values.all !== true)) usageError('name one parked event id, or --all');
  const { connection, services } = await openServiceForReplay(service, mongoUri, databasePrefix);
  try {
    const target = { consumer, services, store: serviceEventStore(connection), now: () => new Date() };
    printReport(await replayParkedEvents(target, eventId === undefined ? 'all' : { eventId }));
  } finally {
    await connection.close();
  }
}

async function replayStream(mongoUri: string): Promise<void> {
  const { service, consumer } = consumerOrExit();
  const from = streamPosition();
  const natsUrl = typeof values.nats === 'string' ? values.nats : (await startServer(startBroker({ log }))).url;
  log(`broker ${redactUri(natsUrl)}`);
  const { connection, services } = await openServiceForReplay(service, mongoUri, databasePrefix);
  const broker = await connectBroker(natsUrl, 'events-cli');
  try {
    const target = { consumer, services, store: serviceEventStore(connection), now: () => new Date() };
    printReport(await replayFromStream(target, broker, eventsSettingsOn(natsUrl), from));
  } finally {
    await broker.close();
    await connection.close();
  }
}

function streamPosition(): StreamPosition {
  const sequence = values['from-sequence'];
  const since = values.since;
  if ((sequence === undefined) === (since === undefined)) return usageError('give --from-sequence or --since');
  if (typeof sequence === 'string') {
    if (!/^[1-9]\d*$/.test(sequence)) return usageError(`--from-sequence must be a whole number from 1, not "${sequence}"`);
    return { sequence: Number(sequence) };
  }
  const time = new Date(String(since));
  if (Number.isNaN(time.getTime())) return usageError(`--since must be an ISO 8601 time, not "${String(since)}"`);
  return { since: time };
}

/** The database or broker the environment names (MONGODB_URI, NATS_URL), else the embedded one, stopped when the command ends. */
async function startServer<T extends DatabaseHandle | BrokerHandle>(starting: Promise<T>): Promise<T> {
  const server = await starting;
  started.push(server);
  return server;
}

function printReport(report: ReplayReport): void {
  console.log(`applied ${report.applied.length}, already applied ${report.alreadyApplied.length}, failed ${report.failed.length}`);
  for (const failure of report.failed) console.log(`still parked: ${failure.eventId}: ${failure.reason}`);
  if (report.failed.length > 0) process.exitCode = 1;
}
