import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { defaultKeysDir, issueAccessToken, resolveKeyPair } from '@civic/identity';
import { startDatabase } from '../database/start-database.ts';
import { redactUri } from '../database/database-credentials.ts';
import { composeSupergraph } from '../compose/compose-supergraph.ts';
import { readSupergraphConfig, SUPERGRAPH_OUTPUT_PATH } from '../compose/supergraph-config.ts';
import { startServiceProcess, type ServiceProcess } from '../system/service-process.ts';
import { seedIfEmpty } from '../seed/seed-if-empty.ts';
import { projectRoot } from '../paths.ts';

/**
 * `npm start`: the whole system on its embedded defaults. Database, keys, supergraph, every
 * local subgraph as its own process, sample data when the database is empty, then the gateway.
 */
const started = Date.now();
const log = (line: string) => console.log(`[start] ${line}`);
const processes: ServiceProcess[] = [];

const database = await startDatabase({ log });
log(`database: ${database.kind} at ${redactUri(database.uri)}`);

let stopping = false;
async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  for (const service of processes.reverse()) await service.stop();
  await database.stop();
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const keysDir = defaultKeysDir();
  const issuer = await resolveKeyPair('access-token', keysDir);
  await resolveKeyPair('gateway', keysDir);

  const subgraphs = await readSupergraphConfig();
  await writeFile(SUPERGRAPH_OUTPUT_PATH, composeSupergraph(subgraphs));

  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  for (const subgraph of subgraphs) {
    // A partner's subgraph runs elsewhere; only subgraphs with code in this repo start here.
    const entry = join(dirname(subgraph.schemaPath), 'main.ts');
    if (!existsSync(entry)) {
      log(`${subgraph.name}: no local code, expecting it at ${subgraph.routingUrl}`);
      continue;
    }
    const url = new URL(subgraph.routingUrl);
    const serviceToken = await issueAccessToken(issuer.privateKey, { subject: `service:${subgraph.name}`, roles: ['SERVICE'] }, 30 * 24 * 3600);
    processes.push(
      await startServiceProcess({
        name: subgraph.name,
        entry,
        baseUrl: url.origin,
        url: subgraph.routingUrl,
        log,
        env: { PORT: url.port, MONGODB_URI: database.uri, GATEWAY_URL: gatewayUrl, SERVICE_TOKEN: serviceToken, CIVIC_KEYS_DIR: keysDir },
      }),
    );
    log(`${subgraph.name}: ready at ${subgraph.routingUrl}`);
  }

  const sample = await seedIfEmpty(database.uri, log);

  processes.push(
    await startServiceProcess({
      name: 'gateway',
      entry: join(projectRoot, 'gateway/src/main.ts'),
      baseUrl: new URL(gatewayUrl).origin,
      url: gatewayUrl,
      log,
      env: { PORT: String(gatewayPort), CIVIC_KEYS_DIR: keysDir },
    }),
  );

  // A street admin of the sample street (江心洲街道), so the printed query works as it is.
  const tokenCommand = `npm run -s token -- --role STREET_ADMIN --scope ${sample.streetId ?? '<organisationId>'}`;
  const token = sample.streetId
    ? await issueAccessToken(issuer.privateKey, { subject: 'dev:street-admin', roles: ['STREET_ADMIN'], scope: [sample.streetId] })
    : null;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`
  The civic graph is running.
    GraphQL gateway (point a browser or client here): ${gatewayUrl}
    Health:                                          ${new URL(gatewayUrl).origin}/health/ready
  A first query, as a street admin of the sample street (token valid 8 hours; a fresh one: TOKEN=$(${tokenCommand})):
    TOKEN=${token ?? `$(${tokenCommand})`}
    curl -s ${gatewayUrl} -H "authorization: Bearer ${token ?? '$TOKEN'}" -H 'content-type: application/json' \\
      -d '{"query":"{ organisations(first: 5) { edges { node { id name kind } } } }"}'
  Press Ctrl-C to stop everything.
`);
} catch (error) {
  console.error(`[start] failed: ${(error as Error).message}`);
  await stopAll(1);
}
