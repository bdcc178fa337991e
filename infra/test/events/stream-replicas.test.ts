import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectBroker, ensureStream } from '@civic/events';
import { uniqueEventsSettings } from '@civic/test-harness';
import '@civic/dev-platform/provided-context';

// The run's broker is one server, which keeps one copy of a stream and refuses more: that refusal
// shows the configured count reaches JetStream, on creating the stream and on updating it.
let connection: NatsConnection;
let manager: JetStreamManager;

beforeAll(async () => {
  connection = await connectBroker(inject('natsUrl'), 'stream-replicas-test');
  manager = await jetstreamManager(connection);
});
afterAll(async () => {
  await connection?.close();
});

describe('the events stream', () => {
  it('is created with the configured number of replicas', async () => {
    const settings = { ...uniqueEventsSettings(inject('natsUrl')), streamReplicas: 1 };
    await ensureStream(manager, settings);
    expect((await manager.streams.info(settings.streamName)).config.num_replicas).toBe(1);
    await manager.streams.delete(settings.streamName);
  });

  it('asks for every configured replica when created: a single server refuses three', async () => {
    const settings = { ...uniqueEventsSettings(inject('natsUrl')), streamReplicas: 3 };
    await expect(ensureStream(manager, settings)).rejects.toThrow(/replicas > 1 not supported in non-clustered mode/);
    await expect(manager.streams.info(settings.streamName)).rejects.toThrow(/stream not found/);
  });

  it('asks for them again when a start updates an existing stream', async () => {
    const settings = { ...uniqueEventsSettings(inject('natsUrl')), streamReplicas: 1 };
    await ensureStream(manager, settings);
    await expect(ensureStream(manager, { ...settings, streamReplicas: 3 })).rejects.toThrow(/replicas > 1 not supported in non-clustered mode/);
    expect((await manager.streams.info(settings.streamName)).config.num_replicas).toBe(1);
    await manager.streams.delete(settings.streamName);
  });
});
