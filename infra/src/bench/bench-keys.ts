import { generateKeyPairSync } from 'node:crypto';
import { gatewaySigningKey, generatePiiKeys, keyPairFromPrivateJwk, piiKeysEnvironment, type GatewaySigningKey, type KeyPair } from '@civic/identity';

/**
 * Keys of one benchmark run, never the development keys: the token issuer's (the bench signs its
 * callers' tokens), the gateway's (the bench signs forwarded viewers for direct subgraph calls),
 * and residents' PII keys (the seed seals with them, the residents process opens with them).
 */
export interface BenchKeys {
  accessToken: KeyPair;
  gateway: GatewaySigningKey;
  /** What the processes read instead of key files. */
  env: { gateway: Record<string, string>; subgraph: Record<string, string>; pii: Record<string, string> };
}

export async function generateBenchKeys(): Promise<BenchKeys> {
  const accessToken = generatedJwks();
  const gateway = generatedJwks();
  const pii = piiKeysEnvironment(generatePiiKeys('bench-1'));
  return {
    accessToken: await keyPairFromPrivateJwk(accessToken.privateJwk),
    gateway: await gatewaySigningKey(await keyPairFromPrivateJwk(gateway.privateJwk)),
    env: {
      gateway: { ACCESS_TOKEN_PUBLIC_JWK: JSON.stringify(accessToken.publicJwk), GATEWAY_PRIVATE_JWK: JSON.stringify(gateway.privateJwk) },
      subgraph: { GATEWAY_PUBLIC_JWK: JSON.stringify(gateway.publicJwk), ...pii },
      pii,
    },
  };
}

/** An Ed25519 pair (the graph's signing algorithm, EdDSA) as JSON Web Keys. */
function generatedJwks() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) };
}
