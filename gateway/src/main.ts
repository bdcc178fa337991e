import { defaultKeysDir, resolveKeyPair, resolvePublicKey } from '@civic/identity';
import { readSupergraph, subgraphUrlsFromEnv, supergraphPathFromEnv } from './supergraph.ts';
import { gatewayRuntimeFromEnv, startGatewayRuntime } from './gateway-runtime.ts';

/** Runs the gateway as its own process: CIVIC_GATEWAY_RUNTIME, SUPERGRAPH_PATH, PORT, HOST, SUBGRAPH_URL_<NAME>, key variables or CIVIC_KEYS_DIR. */
const runtime = gatewayRuntimeFromEnv();
const keysDir = defaultKeysDir();
const gateway = await startGatewayRuntime(runtime, {
  supergraphSdl: await readSupergraph(supergraphPathFromEnv()),
  accessTokenPublicKey: await resolvePublicKey('access-token', keysDir),
  gatewayPrivateKey: (await resolveKeyPair('gateway', keysDir)).privateKey,
  subgraphUrls: subgraphUrlsFromEnv(),
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void gateway.stop().then(() => process.exit(0));
  });
}
