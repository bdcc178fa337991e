import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, decodeJwt, generateKeyPair, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gatewaySigningKey,
  loadOrCreateKeyPair,
  resolveGatewayVerificationKey,
  signForwardedViewer,
  SIGNING_ALGORITHM,
  verifyForwardedViewer,
  type GatewaySigningKey,
  type KeyPair,
} from '../src/index.ts';

const VIEWER = { subject: 'r1', residentId: 'r1', roles: ['RESIDENT' as const], scope: [] };
const FOR_WISHES = { audience: 'wishes', requestId: 'req-7', purpose: null };

describe('the gateway signing key', () => {
  it('publishes its public half alone, under its RFC 7638 thumbprint', async () => {
    const pair = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true })) as KeyPair;
    const key = await gatewaySigningKey(pair);
    const [published] = key.jwks.keys;
    expect(key.jwks.keys).toHaveLength(1);
    expect(Object.keys(published!).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(published).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: key.kid });
    expect(key.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: published!.x! }));
  });

  it('signs headers living 30 seconds, or as long as it is given from 1 to 30 whole seconds', async () => {
    const pair = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
    const lifetimeOf = async (key: GatewaySigningKey) => {
      const { iat, exp } = decodeJwt(await signForwardedViewer(key, VIEWER, FOR_WISHES));
      return exp! - iat!;
    };
    expect(await lifetimeOf(await gatewaySigningKey(pair))).toBe(30);
    expect(await lifetimeOf(await gatewaySigningKey(pair, 1))).toBe(1);
    for (const refused of [0, 31, 1.5]) {
      await expect(gatewaySigningKey(pair, refused)).rejects.toEqual(new RangeError(`A forwarded viewer lives 1 to 30 whole seconds, not ${refused}`));
    }
  });
});

describe('what a subgraph verifies with', () => {
  let keysDir: string;
  let gatewayKey: GatewaySigningKey;
  let jwksServer: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'civic-keys-'));
    gatewayKey = await gatewaySigningKey(await loadOrCreateKeyPair(keysDir, 'gateway'));
    jwksServer = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json').end(JSON.stringify(gatewayKey.jwks satisfies JSONWebKeySet));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    jwksServer.close();
    await rm(keysDir, { recursive: true });
  });

  it('is the JWKS at GATEWAY_JWKS_URL when it is set', async () => {
    const verificationKey = await resolveGatewayVerificationKey(join(keysDir, 'absent'), { GATEWAY_JWKS_URL: jwksUrl });
    expect(typeof verificationKey).toBe('function');
    const header = await signForwardedViewer(gatewayKey, VIEWER, FOR_WISHES);
    expect(await verifyForwardedViewer(verificationKey, header, 'wishes')).toEqual({ viewer: VIEWER, requestId: 'req-7', purpose: null });
  });

  it('is the gateway key in the keys folder otherwise', async () => {
    const verificationKey = await resolveGatewayVerificationKey(keysDir, {});
    const header = await signForwardedViewer(gatewayKey, VIEWER, FOR_WISHES);
    expect(await verifyForwardedViewer(verificationKey, header, 'wishes')).toEqual({ viewer: VIEWER, requestId: 'req-7', purpose: null });
  });
});
