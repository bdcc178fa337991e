import { pino } from 'pino';
import { defaultKeysDir, resolveKeyPair } from '@civic/identity';
import { startRouterCoprocessor } from './coprocessor-server.ts';

/**
 * Runs the Apollo Router's coprocessor as its own process: PORT (4010 by default), HOST, and the
 * gateway's signing key, GATEWAY_PRIVATE_JWK (or the development key in CIVIC_KEYS_DIR).
 */
const coprocessor = await startRouterCoprocessor({
  gatewayKeys: await resolveKeyPair('gateway', defaultKeysDir()),
  port: Number(process.env.PORT ?? 4010),
  host: process.env.HOST ?? '127.0.0.1',
  logger: pino({ level: process.env.LOG_LEVEL ?? 'info' }),
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void coprocessor.stop().then(() => process.exit(0));
  });
}
