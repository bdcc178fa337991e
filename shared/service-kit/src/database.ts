import mongoose, { type Connection, type Model } from 'mongoose';
import { BATCH_DATABASE_SETTINGS, type DatabaseSettings } from './database-settings.ts';
import { applyTimeLimits } from './time-limits.ts';

/** One database command a service sent, as the driver's command monitoring reports it. */
export interface CommandRecord {
  name: string;
  collection: string | null;
}

// Connection upkeep, not work a request asked for.
const HOUSEKEEPING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'createIndexes', 'listIndexes', 'buildInfo', 'saslStart', 'saslContinue']);

/**
 * Counts the commands a service sends. Tests keep each entry, to prove one query per entity type
 * per level; a running service keeps only the count, so its memory does not grow with its work.
 */
export class CommandLog {
  private sent = 0;
  private records: CommandRecord[] | null;

  constructor(keepEntries: boolean) {
    this.records = keepEntries ? [] : null;
  }

  record(record: CommandRecord): void {
    this.sent += 1;
    this.records?.push(record);
  }

  /** Commands sent since the connection opened. */
  get count(): number {
    return this.sent;
  }

  /** Commands sent since the last reset. */
  entries(): CommandRecord[] {
    if (this.records === null) throw new Error('this command log keeps only a count (keepEntries is false)');
    return [...this.records];
  }

  reset(): void {
    if (this.records !== null) this.records = [];
  }
}

export interface ServiceDatabase {
  connection: Connection;
  commands: CommandLog;
}

/**
 * Connects to the service's own database. `uri` may be a bare server URI or carry options;
 * the database name always comes from `databaseName`, so one server can hold every service.
 * `settings` bound every operation (see database-settings.ts); the default suits batch tools.
 */
export async function connectServiceDatabase(
  uri: string,
  databaseName: string,
  settings: DatabaseSettings = BATCH_DATABASE_SETTINGS,
  { keepCommandEntries = false } = {},
): Promise<ServiceDatabase> {
  const connection = mongoose.createConnection(uri, {
    dbName: databaseName,
    monitorCommands: true,
    serverSelectionTimeoutMS: settings.serverSelectionTimeoutMs,
    // While the server is unreachable an operation fails after serverSelectionTimeoutMS, instead of
    // waiting in mongoose's buffer; the driver reconnects by itself when the server is back.
    bufferCommands: false,
    // Indexes are built explicitly at start-up (see server.ts), before the service reports ready.
    autoIndex: false,
  });
  applyTimeLimits(connection, settings.timeLimits);
  const commands = new CommandLog(keepCommandEntries);
  connection.getClient().on('commandStarted', (event) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    const target = event.command[event.commandName];
    commands.record({ name: event.commandName, collection: typeof target === 'string' ? target : null });
  });
  await connection.asPromise();
  return { connection, commands };
}

/**
 * Creates every collection and makes its indexes exactly the declared ones before the service
 * reports ready: each offered filter relies on an index, and unique indexes are what keeps
 * concurrent writes honest. (With autoIndex off, mongoose's Model.init() would skip them.)
 * Indexes the models no longer declare are dropped, and one whose options changed is rebuilt: a
 * retired unique index would otherwise go on refusing writes under a rule the code no longer has.
 * Creating collections up front keeps that out of requests: a transaction's first insert then
 * never has to create its collection, and concurrent first inserts never race to create one.
 */
export async function buildIndexes(models: object): Promise<void> {
  await Promise.all(
    Object.values(models).map(async (model: Model<unknown>) => {
      await model.createCollection();
      await model.syncIndexes();
    }),
  );
}
