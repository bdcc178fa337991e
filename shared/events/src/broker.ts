import { connect, type NatsConnection } from '@nats-io/transport-node';

/**
 * A connection to the broker that outlives the broker's restarts: it waits for a broker that is
 * not up yet and reconnects for ever, every quarter second; what was sent while it was away fails
 * and is retried by its sender (the outbox keeps events, JetStream keeps unacknowledged deliveries).
 * Credentials may ride in the URL (`nats://user:password@host:port`), as in NATS_URL.
 */
export function connectBroker(natsUrl: string, name: string): Promise<NatsConnection> {
  const urls = natsUrl.split(',').map((url) => new URL(url.trim()));
  const withCredentials = urls.find((url) => url.username !== '');
  return connect({
    servers: urls.map((url) => `${url.protocol}//${url.host}`),
    user: withCredentials ? decodeURIComponent(withCredentials.username) : undefined,
    pass: withCredentials ? decodeURIComponent(withCredentials.password) : undefined,
    name,
    waitOnFirstConnect: true,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
  });
}
