import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'EdDSA';

export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * Loads a named signing key pair from `dir`, generating it on first use. Development keys live in
 * the project's gitignored data folder; production passes keys through the environment instead.
 */
export async function loadOrCreateKeyPair(dir: string, name: string): Promise<KeyPair> {
  const file = join(dir, `${name}.private.jwk.json`);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return keyPairFromPrivateJwk(JSON.parse(existing) as JWK);

  const generated = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(generated.privateKey);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Write then rename, so that two processes starting together never read half a key.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(privateJwk), { mode: 0o600 });
  await rename(temp, file);
  return keyPairFromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
}

export async function keyPairFromPrivateJwk(privateJwk: JWK): Promise<KeyPair> {
  const { d: _secret, ...publicJwk } = privateJwk;
  return {
    privateKey: (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
  };
}

export async function publicKeyFromJwk(publicJwk: JWK): Promise<CryptoKey> {
  return (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey;
}
