import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { generatePiiKeys, issueAccessToken, keyPairFromPrivateJwk, piiKeysEnvironment, SIGNING_ALGORITHM } from '@civic/identity';

/** The subgraphs that ask the graph with a service token of their own (subject `service:<name>`). */
export const SERVICE_TOKEN_HOLDERS = ['residents', 'organisations', 'wishes', 'resources', 'meetings', 'notifications'] as const;
/** A service token's life: the longest the issuer gives, renewed by running the command again with the same issuer key. */
export const SERVICE_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/**
 * A fresh set of the secrets the compose file names: the issuer's and the gateway's key pairs,
 * the PII keys, the database and broker passwords, the replica set's key, and each subgraph's
 * service token signed by the issuer key. ACCESS_TOKEN_PRIVATE_JWK goes to no container: it is
 * kept to issue tokens (`npm run token` reads it from the environment). `issuerPrivateJwk`
 * keeps an existing issuer, so that renewing the service tokens leaves users' tokens valid.
 */
export async function deploymentSecrets(issuerPrivateJwk?: string): Promise<Record<string, string>> {
  const issuer = issuerPrivateJwk ? (JSON.parse(issuerPrivateJwk) as JWK) : await newPrivateJwk();
  const { d: _issuerSecret, ...issuerPublic } = issuer;
  const gateway = await newPrivateJwk();
  const { privateKey: issuerKey } = await keyPairFromPrivateJwk(issuer);
  const tokens: Record<string, string> = {};
  for (const name of SERVICE_TOKEN_HOLDERS) {
    tokens[`SERVICE_TOKEN_${name.toUpperCase()}`] = await issueAccessToken(issuerKey, { subject: `service:${name}`, roles: ['SERVICE'] }, SERVICE_TOKEN_TTL_SECONDS);
  }
  return {
    ACCESS_TOKEN_PRIVATE_JWK: JSON.stringify(issuer),
    ACCESS_TOKEN_PUBLIC_JWK: JSON.stringify(issuerPublic),
    GATEWAY_PRIVATE_JWK: JSON.stringify(gateway),
    ...piiKeysEnvironment(generatePiiKeys('pii-1')),
    MONGO_ROOT_PASSWORD: randomBytes(24).toString('hex'),
    MONGO_CIVIC_PASSWORD: randomBytes(24).toString('hex'),
    // mongod's key file: 6 to 1024 base64 characters.
    MONGO_REPLICA_SET_KEY: randomBytes(756).toString('base64'),
    NATS_PASSWORD: randomBytes(24).toString('hex'),
    ...tokens,
  };
}

async function newPrivateJwk(): Promise<JWK> {
  return exportJWK((await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true })).privateKey);
}

/** As a compose `.env` file: single quotes keep the JSON values literal. */
export function envFile(secrets: Record<string, string>): string {
  return Object.entries(secrets).map(([name, value]) => `${name}='${value}'`).join('\n') + '\n';
}
