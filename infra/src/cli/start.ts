import { defaultKeysDir, issueAccessToken, loadOrCreateDevelopmentPiiKeys, resolveKeyPair } from '@civic/identity';
import { readSupergraphConfig, redactUri, startBroker, startDatabase, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { eventsSettingsOn } from '@civic/events';
import { gatewayProcess, startGraph, subgraphProcesses, type RunningGraph, type ServiceProcess } from '@civic/graph-runner';
import { seedIfEmpty } from '../seed/seed-if-empty.ts';

/**
 * `npm start`: the whole system on its embedded defaults. Database, event broker, keys, every local subgraph
 * as its own process at its routing URL, the gateway in front of the supergraph composed from
 * them (written to infra/supergraph.graphql), then sample data when the database is empty.
 */
const started = Date.now();
const log = (line: string) => console.log(`[start] ${line}`);
let graph: RunningGraph<ServiceProcess, ServiceProcess> | undefined;

const [database, broker] = await Promise.all([startDatabase({ log }), startBroker({ log })]);
log(`database: ${database.kind} at ${redactUri(database.uri)}`);
log(`event broker: ${broker.kind} NATS at ${redactUri(broker.url)}`);
const events = eventsSettingsOn(broker.url);

let stopping = false;
async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await graph?.stop();
  await Promise.all([database.stop(), broker.stop()]);
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const keysDir = defaultKeysDir();
  const issuer = await resolveKeyPair('access-token', keysDir);
  await resolveKeyPair('gateway', keysDir);
  // Residents reads these from the key folder, unless the PII_* variables give keys.
  await loadOrCreateDevelopmentPiiKeys(keysDir);

  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
  const keysEnv = { CIVIC_KEYS_DIR: keysDir };
  const { local, remote } = subgraphProcesses(await readSupergraphConfig(), { mongoUri: database.uri, ports: 'routing', env: keysEnv, events, log });
  graph = await startGraph({
    subgraphs: local,
    remoteSubgraphs: remote,
    gateway: gatewayProcess({ port: gatewayPort, supergraphPath: SUPERGRAPH_OUTPUT_PATH, env: keysEnv, events, log }),
    accessTokenPrivateKey: issuer.privateKey,
    log,
  });
  const gatewayUrl = graph.gateway.url;

  const sample = await seedIfEmpty(database.uri, log);

  // A street admin of the sample street (江心洲街道), so the printed query works as it is.
  const tokenCommand = `npm run -s token -- --role STREET_ADMIN --scope ${sample.streetId ?? '<organisationId>'}`;
  const token = sample.streetId
    ? await issueAccessToken(issuer.privateKey, { subject: 'dev:street-admin', roles: ['STREET_ADMIN'], scope: [sample.streetId] })
    : null;
  // Tokens for the explorer's example tabs, for people of the sample street.
  const residentCommand = `npm run -s token -- --role RESIDENT --resident ${sample.sampleResidentId ?? '<residentId>'}`;
  const gridWorkerCommand = sample.sampleStaff
    ? `npm run -s token -- --role GRID_WORKER --resident ${sample.sampleStaff.residentId} --scope ${sample.sampleStaff.scope.join(' --scope ')}`
    : 'npm run -s token -- --role GRID_WORKER --resident <residentId> --scope <communityId>';
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`
  The civic graph is running.
    GraphQL gateway (point a client here):        ${gatewayUrl}
    Explorer (open the same URL in a browser):    ${gatewayUrl}
    Health:                                       ${new URL(gatewayUrl).origin}/health/ready
    Event broker (NATS JetStream, stream ${events.streamName}): ${redactUri(broker.url)}
  A street admin of the sample street: paste this token into the explorer's "Bearer token" field, or use it with curl
  (valid 8 hours; a fresh one: TOKEN=$(${tokenCommand})):
    TOKEN=${token ?? `$(${tokenCommand})`}
    curl -s ${gatewayUrl} -H "authorization: Bearer ${token ?? '$TOKEN'}" -H 'content-type: application/json' \\
      -d '{"query":"{ organisations(first: 5) { edges { node { id name kind } } } }"}'
  Tokens for the explorer's other example tabs:
    a resident:    ${residentCommand}
    a grid worker: ${gridWorkerCommand}
    an analyst:    npm run -s token -- --role ANALYST
  Press Ctrl-C to stop everything.
`);
} catch (error) {
  console.error(`[start] failed: ${(error as Error).message}`);
  await stopAll(1);
}
