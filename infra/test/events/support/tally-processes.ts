import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import { createConnection, type Connection } from 'mongoose';
import { inject } from 'vitest';
import { eventsSettingsEnv, type EventsSettings } from '@civic/events';
import { freeLoopbackPort, startServiceProcess, type ServiceProcess } from '@civic/graph-runner';
import { eventCollections, type SubgraphDefinition } from '@civic/service-kit';
import { uniqueDatabaseName } from '@civic/test-harness';
import { sourceDefinition, tallyDefinition, type SourceModels, type TallyModels } from './tally-definitions.ts';
import '@civic/dev-platform/provided-context';

const ENTRY = fileURLToPath(new URL('./tally-service-main.ts', import.meta.url));

/**
 * One of the test services running as its own process (tally-service-main.ts), and the test's own
 * connection to its database: what the process committed can be read after it was killed.
 */
export interface TallyServiceProcess<TModels> {
  models: TModels;
  eventCollections: ReturnType<typeof eventCollections>;
  /** Starts the process (again) on the same database and broker; resolves once it is ready. */
  start(): Promise<void>;
  /** SIGKILLs the process, as a crash would; resolves once it has exited. */
  kill(): Promise<void>;
  /** Stops the process the ordinary way (SIGTERM), its work finished. */
  stop(): Promise<void>;
  /** Stops the process and closes the test's connection. */
  close(): Promise<void>;
}

export interface TallyServiceProcesses {
  source: TallyServiceProcess<SourceModels>;
  tally: TallyServiceProcess<TallyModels>;
  close(): Promise<void>;
}

export async function startTallyServiceProcesses(events: EventsSettings): Promise<TallyServiceProcesses> {
  const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const env = { MONGODB_URI: inject('mongoUri'), GATEWAY_PUBLIC_JWK: JSON.stringify(await exportJWK(publicKey)), ...eventsSettingsEnv(events) };
  const source = await serviceProcess(sourceDefinition, env);
  const tally = await serviceProcess(tallyDefinition, env);
  return {
    source,
    tally,
    async close() {
      await Promise.all([source.close(), tally.close()]);
    },
  };
}

async function serviceProcess<TModels extends object>(definition: SubgraphDefinition<TModels, null>, env: Record<string, string>): Promise<TallyServiceProcess<TModels>> {
  const databaseName = uniqueDatabaseName(definition.name);
  const connection: Connection = await createConnection(env.MONGODB_URI!, { dbName: databaseName }).asPromise();
  let running: ServiceProcess | null = null;
  const service: TallyServiceProcess<TModels> = {
    models: definition.createModels(connection),
    eventCollections: eventCollections(connection),
    async start() {
      const port = await freeLoopbackPort();
      const url = `http://127.0.0.1:${port}`;
      running = await startServiceProcess({
        name: definition.name,
        entry: ENTRY,
        baseUrl: url,
        url: `${url}/graphql`,
        env: { ...env, TALLY_SERVICE: definition.name, PORT: String(port), MONGODB_DATABASE: databaseName },
        log: () => {},
      });
    },
    async kill() {
      await running?.kill();
      running = null;
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    async close() {
      await service.stop();
      await connection.close();
    },
  };
  await service.start();
  return service;
}
