import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultKeysDir } from './key-config.ts';

/**
 * The keys that keep residents' ID numbers and phone numbers sealed at rest: AES-256 keys by key
 * id (each sealed value names the one it was sealed with, so keys can rotate), the one that seals
 * new values, and the separate HMAC key of the lookup hashes.
 */
export interface PiiKeys {
  currentKeyId: string;
  encryptionKeys: ReadonlyMap<string, Buffer>;
  lookupKey: Buffer;
}

/** The variables, as production sets them and as the development key file holds them. */
export const PII_KEY_VARIABLES = {
  /** `kid:base64key` pairs separated by commas, each key 32 bytes. */
  encryptionKeys: 'PII_ENCRYPTION_KEYS',
  /** The kid new values are sealed with; one of PII_ENCRYPTION_KEYS. */
  currentKeyId: 'PII_ENCRYPTION_KEY_ID',
  /** base64, at least 32 bytes, none of the encryption keys. */
  lookupKey: 'PII_LOOKUP_KEY',
} as const;

/** The development keys, generated on first start beside the other development keys. */
export const DEVELOPMENT_PII_KEYS_FILE = 'pii-keys.json';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const AES_256_KEY_BYTES = 32;

type PiiKeysEnvironment = Partial<Record<(typeof PII_KEY_VARIABLES)[keyof typeof PII_KEY_VARIABLES], string>>;

/** A key variable missing or malformed: the message names the variable and where it was read. */
export class PiiKeyConfigurationError extends Error {
  constructor(variable: string, problem: string, source: string) {
    super(`${variable} ${problem} (${source})`);
    this.name = 'PiiKeyConfigurationError';
  }
}

/** Parses the three variables strictly; `source` says where they came from, for the error. */
export function piiKeysFrom(environment: PiiKeysEnvironment, source: string): PiiKeys {
  const refuse = (variable: string, problem: string) => new PiiKeyConfigurationError(variable, problem, source);
  const { encryptionKeys: keysVariable, currentKeyId: currentVariable, lookupKey: lookupVariable } = PII_KEY_VARIABLES;
  const listed = environment[keysVariable];
  if (!listed) throw refuse(keysVariable, 'is not set: give kid:base64key pairs separated by commas');
  const encryptionKeys = new Map<string, Buffer>();
  for (const entry of listed.split(',')) {
    const [keyId = '', encoded = '', ...rest] = entry.trim().split(':');
    if (!KEY_ID.test(keyId) || rest.length > 0) throw refuse(keysVariable, `holds "${keyId}", not a key id of 1 to 32 letters, digits, _ or - followed by :base64key`);
    if (encryptionKeys.has(keyId)) throw refuse(keysVariable, `names the key id ${keyId} twice`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== AES_256_KEY_BYTES) throw refuse(keysVariable, `holds key ${keyId} of ${key.length} bytes; AES-256 needs ${AES_256_KEY_BYTES}`);
    encryptionKeys.set(keyId, key);
  }
  const currentKeyId = environment[currentVariable];
  if (!currentKeyId) throw refuse(currentVariable, 'is not set: name the key id new values are sealed with');
  if (!encryptionKeys.has(currentKeyId)) throw refuse(currentVariable, `names ${currentKeyId}, which ${keysVariable} does not hold`);
  const encodedLookup = environment[lookupVariable];
  if (!encodedLookup) throw refuse(lookupVariable, 'is not set: give a base64 key of at least 32 bytes');
  const lookupKey = Buffer.from(encodedLookup, 'base64');
  if (lookupKey.length < AES_256_KEY_BYTES) throw refuse(lookupVariable, `is ${lookupKey.length} bytes; it needs at least ${AES_256_KEY_BYTES}`);
  if ([...encryptionKeys.values()].some((key) => key.equals(lookupKey))) throw refuse(lookupVariable, `must differ from every key of ${keysVariable}`);
  return { currentKeyId, encryptionKeys, lookupKey };
}

/** The keys as the three variables, to hand to a process or keep in the development key file. */
export function piiKeysEnvironment(keys: PiiKeys): Record<string, string> {
  return {
    [PII_KEY_VARIABLES.encryptionKeys]: [...keys.encryptionKeys].map(([keyId, key]) => `${keyId}:${key.toString('base64')}`).join(','),
    [PII_KEY_VARIABLES.currentKeyId]: keys.currentKeyId,
    [PII_KEY_VARIABLES.lookupKey]: keys.lookupKey.toString('base64'),
  };
}

export function generatePiiKeys(keyId = 'dev-1'): PiiKeys {
  return { currentKeyId: keyId, encryptionKeys: new Map([[keyId, randomBytes(AES_256_KEY_BYTES)]]), lookupKey: randomBytes(AES_256_KEY_BYTES) };
}

/** A fresh encryption key added and made current; the older ones stay, so their values still open. */
export function withNewEncryptionKey(keys: PiiKeys, keyId: string): PiiKeys {
  if (!KEY_ID.test(keyId)) throw new Error(`"${keyId}" is not a key id of 1 to 32 letters, digits, _ or -`);
  if (keys.encryptionKeys.has(keyId)) throw new Error(`The key id ${keyId} is taken`);
  return { ...keys, currentKeyId: keyId, encryptionKeys: new Map([...keys.encryptionKeys, [keyId, randomBytes(AES_256_KEY_BYTES)]]) };
}

/** A fresh lookup key; the hashes must then be recomputed (`npm run pii -- rotate`). */
export function withNewLookupKey(keys: PiiKeys): PiiKeys {
  return { ...keys, lookupKey: randomBytes(AES_256_KEY_BYTES) };
}

/**
 * The keys a process uses: from the variables when any is set (all three then required), else from
 * the development key file in CIVIC_KEYS_DIR (or `.data/keys`) when `npm start` made one. A process
 * never makes keys itself, so a deployment that forgot them stops at start instead of sealing
 * values with a key nobody keeps.
 */
export function resolvePiiKeys(environment: NodeJS.ProcessEnv = process.env): PiiKeys {
  const variables = Object.values(PII_KEY_VARIABLES);
  if (variables.some((variable) => environment[variable] !== undefined)) return piiKeysFrom(environment, 'the environment');
  const file = join(environment.CIVIC_KEYS_DIR ?? defaultKeysDir(), DEVELOPMENT_PII_KEYS_FILE);
  if (!existsSync(file)) {
    throw new PiiKeyConfigurationError(PII_KEY_VARIABLES.encryptionKeys, 'is not set, and there is no development key file', file);
  }
  return piiKeysFrom(JSON.parse(readFileSync(file, 'utf8')) as PiiKeysEnvironment, file);
}

/** The development key file, generated on first use and readable by its owner only. */
export async function loadOrCreateDevelopmentPiiKeys(keysDir: string): Promise<PiiKeys> {
  const file = join(keysDir, DEVELOPMENT_PII_KEYS_FILE);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return piiKeysFrom(JSON.parse(existing) as PiiKeysEnvironment, file);
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  await writeDevelopmentPiiKeys(keysDir, generatePiiKeys());
  return piiKeysFrom(JSON.parse(await readFile(file, 'utf8')) as PiiKeysEnvironment, file);
}

/** Replaces the development key file (a rotation in development); written then renamed, so no reader sees half a file. */
export async function writeDevelopmentPiiKeys(keysDir: string, keys: PiiKeys): Promise<void> {
  const file = join(keysDir, DEVELOPMENT_PII_KEYS_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(piiKeysEnvironment(keys)), { mode: 0o600 });
  await rename(temporary, file);
}
