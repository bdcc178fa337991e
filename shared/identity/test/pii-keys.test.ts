import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePiiKeys, loadOrCreateDevelopmentPiiKeys, piiKeysEnvironment, resolvePiiKeys, withNewEncryptionKey, type PiiKeys } from '../src/pii-keys.ts';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const LOOKUP = Buffer.alloc(32, 3).toString('base64');
const VALID = { PII_ENCRYPTION_KEYS: `k1:${KEY_A}, k2:${KEY_B}`, PII_ENCRYPTION_KEY_ID: 'k2', PII_LOOKUP_KEY: LOOKUP };

let emptyKeysDir: string;
beforeAll(async () => {
  emptyKeysDir = await mkdtemp(join(tmpdir(), 'civic-pii-keys-'));
});
afterAll(() => rm(emptyKeysDir, { recursive: true, force: true }));

describe('PII keys from the environment', () => {
  it('reads every key by its id, the current one and the lookup key', () => {
    const keys = resolvePiiKeys(VALID);
    expect(keys.currentKeyId).toBe('k2');
    expect([...keys.encryptionKeys.keys()]).toEqual(['k1', 'k2']);
    expect(keys.encryptionKeys.get('k1')!.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(keys.lookupKey.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it.each([
    [{ PII_ENCRYPTION_KEY_ID: 'k2', PII_LOOKUP_KEY: LOOKUP }, 'PII_ENCRYPTION_KEYS is not set: give kid:base64key pairs separated by commas (the environment)'],
    [{ ...VALID, PII_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` }, 'PII_ENCRYPTION_KEYS holds key k1 of 16 bytes; AES-256 needs 32 (the environment)'],
    [{ ...VALID, PII_ENCRYPTION_KEYS: KEY_A }, `PII_ENCRYPTION_KEYS holds "${KEY_A}", not a key id of 1 to 32 letters, digits, _ or - followed by :base64key (the environment)`],
    [{ ...VALID, PII_ENCRYPTION_KEYS: `k1:${KEY_A},k1:${KEY_B}` }, 'PII_ENCRYPTION_KEYS names the key id k1 twice (the environment)'],
    [{ ...VALID, PII_ENCRYPTION_KEY_ID: undefined }, 'PII_ENCRYPTION_KEY_ID is not set: name the key id new values are sealed with (the environment)'],
    [{ ...VALID, PII_ENCRYPTION_KEY_ID: 'k3' }, 'PII_ENCRYPTION_KEY_ID names k3, which PII_ENCRYPTION_KEYS does not hold (the environment)'],
    [{ ...VALID, PII_LOOKUP_KEY: undefined }, 'PII_LOOKUP_KEY is not set: give a base64 key of at least 32 bytes (the environment)'],
    [{ ...VALID, PII_LOOKUP_KEY: Buffer.alloc(20).toString('base64') }, 'PII_LOOKUP_KEY is 20 bytes; it needs at least 32 (the environment)'],
    [{ ...VALID, PII_LOOKUP_KEY: KEY_A }, 'PII_LOOKUP_KEY must differ from every key of PII_ENCRYPTION_KEYS (the environment)'],
  ])('refuses %o naming the variable', (environment, message) => {
    expect(() => resolvePiiKeys({ CIVIC_KEYS_DIR: emptyKeysDir, ...environment })).toThrow(message);
  });

  it('without any variable and without a development key file, names PII_ENCRYPTION_KEYS', () => {
    expect(() => resolvePiiKeys({ CIVIC_KEYS_DIR: emptyKeysDir })).toThrow(
      `PII_ENCRYPTION_KEYS is not set, and there is no development key file (${join(emptyKeysDir, 'pii-keys.json')})`,
    );
  });
});

describe('the development key file', () => {
  it('is generated once, readable by its owner only, and read by a process given CIVIC_KEYS_DIR', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'civic-pii-dev-'));
    try {
      const first = await loadOrCreateDevelopmentPiiKeys(keysDir);
      const again = await loadOrCreateDevelopmentPiiKeys(keysDir);
      const read = resolvePiiKeys({ CIVIC_KEYS_DIR: keysDir });
      expect(piiKeysEnvironment(again)).toEqual(piiKeysEnvironment(first));
      expect(piiKeysEnvironment(read)).toEqual(piiKeysEnvironment(first));
      expect((await stat(join(keysDir, 'pii-keys.json'))).mode & 0o777).toBe(0o600);
      expect(Object.keys(JSON.parse(await readFile(join(keysDir, 'pii-keys.json'), 'utf8')))).toEqual(['PII_ENCRYPTION_KEYS', 'PII_ENCRYPTION_KEY_ID', 'PII_LOOKUP_KEY']);
    } finally {
      await rm(keysDir, { recursive: true, force: true });
    }
  });
});

describe('a new encryption key', () => {
  it('becomes current beside the old ones, which still open their values', () => {
    const keys: PiiKeys = withNewEncryptionKey(generatePiiKeys('dev-1'), 'dev-2');
    expect(keys.currentKeyId).toBe('dev-2');
    expect([...keys.encryptionKeys.keys()]).toEqual(['dev-1', 'dev-2']);
    expect(() => withNewEncryptionKey(keys, 'dev-1')).toThrow('The key id dev-1 is taken');
  });
});
