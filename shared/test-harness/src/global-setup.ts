import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBroker, startDatabase } from '@civic/dev-platform';
import { generatePiiKeys, piiKeysEnvironment, PII_KEY_VARIABLES } from '@civic/identity';
import '@civic/dev-platform/provided-context';
import './supergraph-cache.ts';

/**
 * Starts the real database server and the event broker once for the whole test run (MONGODB_URI
 * and NATS_URL win when set); each stack then keeps its events in a stream of its own. The keys
 * that seal residents' personal numbers are generated for the run (unless the environment gives
 * them) and reach every test file through its environment, which the workers inherit. Stacks
 * share the supergraphs they compose through a folder of the run's own.
 */
export default async function setup(project: TestProject) {
  if (process.env[PII_KEY_VARIABLES.encryptionKeys] === undefined) Object.assign(process.env, piiKeysEnvironment(generatePiiKeys('test-1')));
  const [database, broker] = await Promise.all([
    startDatabase({ ephemeral: true, log: (line) => console.log(`[database] ${line}`) }),
    startBroker({ ephemeral: true, log: (line) => console.log(`[broker] ${line}`) }),
  ]);
  project.provide('mongoUri', database.uri);
  project.provide('natsUrl', broker.url);
  const supergraphCacheDir = await mkdtemp(join(tmpdir(), 'civic-supergraphs-'));
  project.provide('supergraphCacheDir', supergraphCacheDir);
  return async () => {
    await Promise.all([database.stop(), broker.stop(), rm(supergraphCacheDir, { recursive: true, force: true })]);
  };
}
