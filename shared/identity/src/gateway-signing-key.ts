import { calculateJwkThumbprint, exportJWK, type JSONWebKeySet } from 'jose';
import { SIGNING_ALGORITHM, type KeyPair } from './keys.ts';
import { FORWARDED_VIEWER_MAX_LIFETIME_SECONDS, type ForwardedViewerSigningKey } from './forwarded-viewer.ts';

/** Where the gateway publishes the key subgraphs verify forwarded viewers with. */
export { JWKS_PATH } from '@civic/subgraph-identity';

/** The gateway's key as it signs forwarded viewers, and as it publishes the public half. */
export interface GatewaySigningKey extends ForwardedViewerSigningKey {
  jwks: JSONWebKeySet;
}

/**
 * The `kid` is the public key's RFC 7638 thumbprint: the same key always has the same id, and a
 * new key a new one, so a verifier's cached JWKS is refetched exactly when the key changes.
 */
export async function gatewaySigningKey(keys: KeyPair, lifetimeSeconds = FORWARDED_VIEWER_MAX_LIFETIME_SECONDS): Promise<GatewaySigningKey> {
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > FORWARDED_VIEWER_MAX_LIFETIME_SECONDS) {
    throw new RangeError(`A forwarded viewer lives 1 to ${FORWARDED_VIEWER_MAX_LIFETIME_SECONDS} whole seconds, not ${lifetimeSeconds}`);
  }
  const publicJwk = await exportJWK(keys.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey: keys.privateKey, kid, lifetimeSeconds, jwks: { keys: [{ ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }] } };
}
