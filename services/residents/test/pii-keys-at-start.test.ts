import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '@civic/dev-platform/provided-context';
import { PII_KEY_VARIABLES } from '@civic/identity';
import { uniqueDatabaseName } from '@civic/test-harness';

/** The residents process stops at start, naming the variable, when its PII keys are missing or wrong. */

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;
let keysDir: string;

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), 'civic-residents-keys-'));
});
afterAll(() => rm(keysDir, { recursive: true, force: true }));

/** Runs the residents process until it exits; its exit code and what it wrote to stderr. */
async function startResidents(piiVariables: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const environment: NodeJS.ProcessEnv = { ...process.env, MONGODB_URI: inject('mongoUri'), MONGODB_DATABASE: uniqueDatabaseName('residents'), PORT: '0', CIVIC_KEYS_DIR: keysDir, ...piiVariables };
  for (const variable of Object.values(PII_KEY_VARIABLES)) if (!(variable in piiVariables)) delete environment[variable];
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('the residents process at start', () => {
  it(
    'stops naming PII_ENCRYPTION_KEYS when no key is given and no development key file exists',
    async () => {
      const { code, stderr } = await startResidents({});
      expect(code).toBe(1);
      expect(stderr).toContain(`PII_ENCRYPTION_KEYS is not set, and there is no development key file (${join(keysDir, 'pii-keys.json')})`);
    },
    START_TIMEOUT_MS,
  );

  it(
    'stops naming PII_LOOKUP_KEY when the lookup key is too short',
    async () => {
      const { code, stderr } = await startResidents({
        PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        PII_ENCRYPTION_KEY_ID: 'k1',
        PII_LOOKUP_KEY: Buffer.alloc(8, 2).toString('base64'),
      });
      expect(code).toBe(1);
      expect(stderr).toContain('PII_LOOKUP_KEY is 8 bytes; it needs at least 32 (the environment)');
    },
    START_TIMEOUT_MS,
  );
});
