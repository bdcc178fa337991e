import { connect } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { mongo, Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatabase, type DatabaseHandle } from '../src/index.ts';

// The first run installs SecantusDB into the project's data folder (about 15 s, more on a busy machine).
const START_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 60_000;
// With MONGODB_URI the server is not ours: nothing of the embedded server is tested.
const external = Boolean(process.env.MONGODB_URI);

/** The error code a TCP connection attempt ends with, or 'connected'. */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** What a client that does not hold the credentials gets when it asks for data. */
async function outcomeWithoutCredentials(uri: string, credentials: string): Promise<string> {
  const url = new URL(uri);
  const client = new mongo.MongoClient(`mongodb://${credentials}127.0.0.1:${url.port}/?authSource=admin`, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.db('probe').collection('members').findOne({});
    return 'answered';
  } catch (error) {
    const { code, codeName } = error as { code?: number; codeName?: string };
    return `${code} ${codeName}`;
  } finally {
    await client.close();
  }
}

describe('startDatabase', () => {
  let database: DatabaseHandle;
  let connection: Connection;

  beforeAll(async () => {
    database = await startDatabase({ ephemeral: true });
    connection = await mongoose.createConnection(database.uri, { dbName: 'probe' }).asPromise();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    // Still open unless the stop test ran; dropping matters only on a shared MONGODB_URI server.
    if (connection?.readyState === mongoose.ConnectionStates.connected) {
      await connection.dropDatabase();
      await connection.close();
    }
    await database?.stop();
  });

  it('enforces unique indexes with duplicate-key error 11000 naming the index', async () => {
    const Member = connection.model('Member', new Schema({ email: { type: String, required: true, unique: true } }));
    await Member.init();
    await Member.create({ email: 'ada@example.org' });

    const duplicate = await Member.create({ email: 'ada@example.org' }).then(
      () => undefined,
      (error: { code?: number; keyPattern?: object }) => ({ code: error.code, keyPattern: error.keyPattern }),
    );

    expect(duplicate).toEqual({ code: 11000, keyPattern: { email: 1 } });
    expect(await Member.countDocuments()).toBe(1);
  }, TEST_TIMEOUT_MS);

  it('applies a conditional findOneAndUpdate atomically under concurrency, 20 rounds', async () => {
    const Counter = connection.model('Counter', new Schema({ round: { type: Number, required: true, unique: true }, n: { type: Number, required: true } }));
    await Counter.init();
    for (let round = 0; round < 20; round++) {
      await Counter.create({ round, n: 0 });
      // 20 concurrent increments, each only while n < 3: exactly three may win.
      const results = await Promise.all(
        Array.from({ length: 20 }, () => Counter.findOneAndUpdate({ round, n: { $lt: 3 } }, { $inc: { n: 1 } }, { returnDocument: 'after' }).lean()),
      );
      const winners = results.flatMap((document) => (document ? [document.n] : [])).sort((a, b) => a - b);
      expect(winners).toEqual([1, 2, 3]);
      expect((await Counter.findOne({ round }).lean())?.n).toBe(3);
    }
  }, TEST_TIMEOUT_MS);

  it('commits a transaction as a whole and rolls an aborted one back', async () => {
    const Entry = connection.model('Entry', new Schema({ label: { type: String, required: true } }));
    await Entry.createCollection();
    await connection.transaction(async (session) => {
      await Entry.create([{ label: 'first' }, { label: 'second' }], { session, ordered: true });
    });
    const aborted = await connection
      .transaction(async (session) => {
        await Entry.create([{ label: 'lost' }], { session });
        throw new Error('changed my mind');
      })
      .catch((error: Error) => error.message);

    expect(aborted).toBe('changed my mind');
    expect((await Entry.find({}, { _id: 0, label: 1 }).sort({ label: 1 }).lean()).map((entry) => entry.label)).toEqual(['first', 'second']);
  }, TEST_TIMEOUT_MS);

  it.skipIf(external)('refuses a client without the credentials, or with a wrong password', async () => {
    expect(await outcomeWithoutCredentials(database.uri, '')).toBe('13 Unauthorized');
    expect(await outcomeWithoutCredentials(database.uri, 'civic:not-the-password@')).toBe('18 AuthenticationFailed');
  }, TEST_TIMEOUT_MS);

  // Last on purpose: after this the server is gone.
  it.skipIf(external)('stops the server so its port refuses connections', async () => {
    const port = Number(new URL(database.uri).port);
    expect(await connectOutcome(port)).toBe('connected');

    await connection.close();
    await database.stop();

    expect(await connectOutcome(port)).toBe('ECONNREFUSED');
  }, TEST_TIMEOUT_MS);
});

describe.skipIf(external)('startDatabase with kept data', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'civic-kept-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps data and credentials across a restart, in folders only their owner can read',
    async () => {
      const first = await startDatabase({ dataDir });
      const writer = await mongoose.createConnection(first.uri, { dbName: 'kept' }).asPromise();
      await writer.collection('notes').insertOne({ text: '楼道灯已修好' });
      await writer.close();
      await first.stop();

      const second = await startDatabase({ dataDir });
      try {
        const reader = await mongoose.createConnection(second.uri, { dbName: 'kept' }).asPromise();
        const notes = await reader.collection('notes').find({}, { projection: { _id: 0 } }).toArray();
        await reader.close();
        expect(notes).toEqual([{ text: '楼道灯已修好' }]);
        expect(new URL(second.uri).password).toBe(new URL(first.uri).password);
      } finally {
        await second.stop();
      }

      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      expect((await stat(join(dataDir, 'secantus', first.kind.replace('secantus-', 'store-'), 'data'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dataDir, 'keys'))).mode & 0o777).toBe(0o700);
      const credentialsFile = join(dataDir, 'keys', 'database.credentials.json');
      expect((await stat(credentialsFile)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(credentialsFile, 'utf8'))).toEqual({ username: 'civic', password: new URL(first.uri).password });
    },
    START_TIMEOUT_MS,
  );
});

describe.skipIf(external)('startDatabase server choice', () => {
  it('refuses an unknown CIVIC_DATABASE_SERVER before starting anything, naming the variable', async () => {
    const previous = process.env.CIVIC_DATABASE_SERVER;
    process.env.CIVIC_DATABASE_SERVER = 'mongod';
    try {
      await expect(startDatabase({ ephemeral: true })).rejects.toThrow('CIVIC_DATABASE_SERVER must be "python" or "rust", not "mongod"');
    } finally {
      if (previous === undefined) delete process.env.CIVIC_DATABASE_SERVER;
      else process.env.CIVIC_DATABASE_SERVER = previous;
    }
  });
});
