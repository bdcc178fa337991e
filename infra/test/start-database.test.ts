import { connect } from 'node:net';
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatabase, type DatabaseHandle } from '../src/index.ts';

// The first run builds the embedded FerretDB, which can take a couple of minutes.
const START_TIMEOUT_MS = 300_000;
const TEST_TIMEOUT_MS = 30_000;
// With MONGODB_URI the server is not ours: stop() leaves it running.
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

describe('startDatabase', () => {
  let database: DatabaseHandle;
  let connection: Connection;

  beforeAll(async () => {
    database = await startDatabase({ ephemeral: true });
    connection = await mongoose.createConnection(`${database.uri}/probe`).asPromise();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    // Still open unless the stop test ran; dropping matters only on a shared MONGODB_URI server.
    if (connection?.readyState === mongoose.ConnectionStates.connected) {
      await connection.dropDatabase();
      await connection.close();
    }
    await database?.stop();
  });

  it('enforces unique indexes with duplicate-key error 11000', async () => {
    const Member = connection.model('Member', new Schema({ email: { type: String, required: true, unique: true } }));
    await Member.init();
    await Member.create({ email: 'ada@example.org' });

    const duplicate = await Member.create({ email: 'ada@example.org' }).then(
      () => undefined,
      (error: { code?: number }) => error.code,
    );

    expect(duplicate).toBe(11000);
    expect(await Member.countDocuments()).toBe(1);
  }, TEST_TIMEOUT_MS);

  it('applies a conditional findOneAndUpdate atomically under concurrency', async () => {
    const Counter = connection.model('Counter', new Schema({ name: { type: String, required: true, unique: true }, n: { type: Number, required: true } }));
    await Counter.init();
    await Counter.create({ name: 'capped', n: 0 });

    // 20 concurrent increments, each only while n < 3: exactly three may win.
    const results = await Promise.all(
      Array.from({ length: 20 }, () => Counter.findOneAndUpdate({ name: 'capped', n: { $lt: 3 } }, { $inc: { n: 1 } }, { returnDocument: 'after' }).lean()),
    );

    const winners = results.flatMap((document) => (document ? [document.n] : [])).sort((a, b) => a - b);
    expect(winners).toEqual([1, 2, 3]);
    expect((await Counter.findOne({ name: 'capped' }).lean())?.n).toBe(3);
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
