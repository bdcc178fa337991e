import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { keyPairFromPrivateJwk, piiKeysFrom, publicKeyFromJwk, verifyAccessToken } from '@civic/identity';
import { COMPOSE_FILE } from '../../src/deploy/deployment-environments.ts';
import { deploymentSecrets, envFile, SERVICE_TOKEN_HOLDERS } from '../../src/deploy/deployment-secrets.ts';

describe('the deployment secrets', () => {
  it('fill every variable the compose file requires', async () => {
    const compose = await readFile(COMPOSE_FILE, 'utf8');
    const required = new Set([...compose.matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((match) => match[1]!));
    const secrets = await deploymentSecrets();
    expect([...required].filter((name) => !(name in secrets))).toEqual([]);
  });

  it('are keys the processes accept, and service tokens the issuer signed', async () => {
    const secrets = await deploymentSecrets();
    expect(piiKeysFrom(secrets, 'the secrets').currentKeyId).toBe('pii-1');
    await keyPairFromPrivateJwk(JSON.parse(secrets.GATEWAY_PRIVATE_JWK!));
    const issuer = await publicKeyFromJwk(JSON.parse(secrets.ACCESS_TOKEN_PUBLIC_JWK!));
    for (const name of SERVICE_TOKEN_HOLDERS) {
      const viewer = await verifyAccessToken(issuer, secrets[`SERVICE_TOKEN_${name.toUpperCase()}`]!);
      expect({ subject: viewer.subject, roles: viewer.roles }).toEqual({ subject: `service:${name}`, roles: ['SERVICE'] });
    }
    expect(Buffer.from(secrets.MONGO_REPLICA_SET_KEY!, 'base64')).toHaveLength(756);
  });

  it('keep a given issuer, so renewed service tokens verify with the key the gateway has', async () => {
    const first = await deploymentSecrets();
    const renewed = await deploymentSecrets(first.ACCESS_TOKEN_PRIVATE_JWK);
    expect(renewed.ACCESS_TOKEN_PUBLIC_JWK).toBe(first.ACCESS_TOKEN_PUBLIC_JWK);
    const viewer = await verifyAccessToken(await publicKeyFromJwk(JSON.parse(first.ACCESS_TOKEN_PUBLIC_JWK!)), renewed.SERVICE_TOKEN_WISHES!);
    expect(viewer.subject).toBe('service:wishes');
  });

  it('print as a compose .env file whose JSON values stay literal', () => {
    expect(envFile({ A: '{"x":"y"}', B: 'plain' })).toBe(`A='{"x":"y"}'\nB='plain'\n`);
  });
});
