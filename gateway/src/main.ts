import { startTracing, stopTracing } from '@civic/telemetry/tracing';

// Tracing starts first (when configured): it instruments the modules imported after it, so the
// gateway's own modules, and express, graphql and the HTTP stack under them, are imported here.
await startTracing('gateway');
const { defaultKeysDir, resolveKeyPair, resolvePublicKey } = await import('@civic/identity');
const { subgraphUrlsFromEnv, supergraphPathFromEnv } = await import('./supergraph.ts');
const { gatewayRuntimeFromEnv, startGatewayRuntime } = await import('./gateway-runtime.ts');
const { limitsFromEnv } = await import('./limits/limits-config.ts');
const { eventsSettingsFromEnv } = await import('@civic/events');

/**
 * Runs the gateway as its own process: CIVIC_GATEWAY_RUNTIME, SUPERGRAPH_PATH (followed for
 * changes), PORT, HOST, SUBGRAPH_URL_<NAME>, key variables or CIVIC_KEYS_DIR, NODE_ENV, the
 * limits' variables (limits/limits-config.ts), and NATS_URL (NATS_STREAM, NATS_SUBJECT_PREFIX, NATS_STREAM_REPLICAS) for
 * subscriptions.
 */
const runtime = gatewayRuntimeFromEnv();
const keysDir = defaultKeysDir();
const gateway = await startGatewayRuntime(runtime, {
  supergraphPath: supergraphPathFromEnv(),
  accessTokenPublicKey: await resolvePublicKey('access-token', keysDir),
  gatewayKeys: await resolveKeyPair('gateway', keysDir),
  subgraphUrls: subgraphUrlsFromEnv(),
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  anonymousIntrospection: process.env.NODE_ENV !== 'production',
  events: eventsSettingsFromEnv(),
  ...limitsFromEnv(),
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void gateway.stop().then(stopTracing).then(() => process.exit(0));
  });
}
