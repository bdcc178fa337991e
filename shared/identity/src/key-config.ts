import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, type CryptoKey, type JWK } from 'jose';
import { keyPairFromPrivateJwk, loadOrCreateKeyPair, publicKeyFromJwk, type KeyPair } from './keys.ts';
import type { GatewayVerificationKey } from './forwarded-viewer.ts';

/** The two key pairs of the graph: the token issuer's, and the gateway's for forwarded viewers. */
export type KeyName = 'access-token' | 'gateway';

const ENV_PRIVATE: Record<KeyName, string> = {
  'access-token': 'ACCESS_TOKEN_PRIVATE_JWK',
  gateway: 'GATEWAY_PRIVATE_JWK',
};
const ENV_PUBLIC: Record<KeyName, string> = {
  'access-token': 'ACCESS_TOKEN_PUBLIC_JWK',
  gateway: 'GATEWAY_PUBLIC_JWK',
};

/**
 * A private key from the environment (JWK JSON) when set; otherwise the development key in
 * `keysDir`, generated on first use and never committed.
 */
export async function resolveKeyPair(name: KeyName, keysDir: string): Promise<KeyPair> {
  const fromEnv = process.env[ENV_PRIVATE[name]];
  if (fromEnv) return keyPairFromPrivateJwk(JSON.parse(fromEnv) as JWK);
  return loadOrCreateKeyPair(keysDir, name);
}

/** The public half only: what a verifier needs. Production sets the `*_PUBLIC_JWK` variable. */
export async function resolvePublicKey(name: KeyName, keysDir: string): Promise<CryptoKey> {
  const fromEnv = process.env[ENV_PUBLIC[name]];
  if (fromEnv) return publicKeyFromJwk(JSON.parse(fromEnv) as JWK);
  return (await resolveKeyPair(name, keysDir)).publicKey;
}

/**
 * What a subgraph verifies forwarded viewers with: the gateway's JWKS when GATEWAY_JWKS_URL is
 * set (fetched on first use and cached by jose, fetched again when a header names an unknown
 * `kid`), otherwise the gateway's public key as `resolvePublicKey` finds it.
 */
export async function resolveGatewayVerificationKey(keysDir: string, env: NodeJS.ProcessEnv = process.env): Promise<GatewayVerificationKey> {
  const jwksUrl = env.GATEWAY_JWKS_URL;
  if (jwksUrl) return createRemoteJWKSet(new URL(jwksUrl));
  return resolvePublicKey('gateway', keysDir);
}

/** Where development keys live: CIVIC_KEYS_DIR, else `keys/` in the project's gitignored data folder. */
export function defaultKeysDir(): string {
  if (process.env.CIVIC_KEYS_DIR) return process.env.CIVIC_KEYS_DIR;
  const dataDir = process.env.CIVIC_DATA_DIR ?? fileURLToPath(new URL('../../../.data', import.meta.url));
  return join(dataDir, 'keys');
}
