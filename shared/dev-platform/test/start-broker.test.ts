import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type BrokerHandle } from '../src/index.ts';

// The first run builds nats-server into the project's data folder (about 35 s, more on a busy machine).
const START_TIMEOUT_MS = 240_000;
// With NATS_URL the broker is not ours: nothing of the embedded one is tested.
const external = Boolean(process.env.NATS_URL);

function serverOf(url: string) {
  const parsed = new URL(url);
  return { servers: `127.0.0.1:${parsed.port}`, user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) };
}

describe.skipIf(external)('the embedded broker', () => {
  let dataDir: string;
  let broker: BrokerHandle;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'civic-broker-test-'));
    broker = await startBroker({ dataDir });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await broker?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback with JetStream, and refuses a client without its credentials', async () => {
    expect(broker.kind).toBe('embedded');
    expect(new URL(broker.url).hostname).toBe('127.0.0.1');
    const { servers, user, pass } = serverOf(broker.url);
    await expect(connect({ servers, user, pass: `${pass}x`, reconnect: false })).rejects.toThrow(/Authorization Violation/i);
    await expect(connect({ servers, reconnect: false })).rejects.toThrow(/Authorization Violation/i);
    const client = await connect({ servers, user, pass });
    expect((await (await jetstreamManager(client)).getAccountInfo()).limits).toBeDefined();
    await client.close();
  });

  it('keeps its stream and credentials across a restart, in owner-only files', async () => {
    const { servers, user, pass } = serverOf(broker.url);
    const before = await connect({ servers, user, pass });
    await (await jetstreamManager(before)).streams.add({ name: 'KEPT', subjects: ['kept.>'] });
    await jetstream(before).publish('kept.one', 'first');
    await before.close();

    await broker.restart!(async () => {});
    const after = await connect({ servers, user, pass });
    expect((await (await jetstreamManager(after)).streams.info('KEPT')).state.messages).toBe(1);
    await after.close();

    const credentials = JSON.parse(await readFile(join(dataDir, 'keys', 'broker.credentials.json'), 'utf8')) as { password: string };
    expect(credentials.password).toBe(pass);
    expect((await stat(join(dataDir, 'keys', 'broker.credentials.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'nats', 'store'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'nats', 'store', 'nats-server.conf'))).mode & 0o777).toBe(0o600);
  });
});
