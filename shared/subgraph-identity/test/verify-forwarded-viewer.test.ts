import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORWARDED_VIEWER_HEADER, ForwardedViewerRefused, JWKS_PATH, verifyForwardedViewer } from '../src/index.ts';

interface GatewayKey {
  privateKey: CryptoKey;
  kid: string;
  jwks: JSONWebKeySet;
}

/** A key as the gateway publishes it: its RFC 7638 thumbprint as `kid`. */
async function gatewayKey(): Promise<GatewayKey> {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey: pair.privateKey, kid, jwks: { keys: [{ ...publicJwk, kid, alg: 'EdDSA', use: 'sig' }] } };
}

/** A forwarded viewer as the gateway signs it for `audience`, with `claims` added or overriding. */
function forwardedViewer(key: GatewayKey, audience: string, claims: JWTPayload = {}): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ rid: 'r1', roles: ['RESIDENT'], scope: [], request_id: 'req-1', ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setSubject((claims.sub as string | undefined) ?? 'r1')
    .setIssuer('civic-graph-gateway')
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 30)
    .sign(key.privateKey);
}

const refusal = (reason: ConstructorParameters<typeof ForwardedViewerRefused>[0]) => new ForwardedViewerRefused(reason);

describe('verifyForwardedViewer with a key set in hand', () => {
  let key: GatewayKey;
  beforeAll(async () => {
    key = await gatewayKey();
  });

  it('reads the header from Node headers and from fetch Headers alike', async () => {
    const header = await forwardedViewer(key, 'parking', { roles: ['STREET_ADMIN', 'PROPERTY_MANAGER'], scope: ['s1'], purpose: ' 核对车位 ' });
    const expected = { subject: 'r1', residentId: 'r1', roles: ['STREET_ADMIN', 'PROPERTY_MANAGER'], scope: ['s1'], requestId: 'req-1', purpose: '核对车位' };
    expect(await verifyForwardedViewer({ [FORWARDED_VIEWER_HEADER]: header }, { keys: key.jwks, audience: 'parking' })).toEqual(expected);
    expect(await verifyForwardedViewer(new Headers({ 'X-Civic-Viewer': header }), { keys: key.jwks, audience: 'parking' })).toEqual(expected);
  });

  it('serves an anonymous caller as a subject of null, whatever else the token says', async () => {
    const header = await forwardedViewer(key, 'parking', { sub: 'anonymous', rid: null, roles: [] });
    expect(await verifyForwardedViewer({ [FORWARDED_VIEWER_HEADER]: header }, { keys: key.jwks, audience: 'parking' })).toEqual({
      subject: null,
      residentId: null,
      roles: [],
      scope: [],
      requestId: 'req-1',
      purpose: null,
    });
  });

  it('refuses a request without the header, or with an empty one, as UNAUTHENTICATED with status 401', async () => {
    for (const headers of [{}, { [FORWARDED_VIEWER_HEADER]: '' }, { [FORWARDED_VIEWER_HEADER]: ['a', 'b'] }]) {
      const refused = verifyForwardedViewer(headers, { keys: key.jwks, audience: 'parking' });
      await expect(refused).rejects.toEqual(refusal('missing'));
      await expect(refused).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: 'Subgraphs accept only requests forwarded by the gateway' });
    }
  });

  it('refuses a header meant for another subgraph, one signed by another key, and one without a request id', async () => {
    const other = await gatewayKey();
    const verify = (header: string) => verifyForwardedViewer({ [FORWARDED_VIEWER_HEADER]: header }, { keys: key.jwks, audience: 'parking' });
    await expect(verify(await forwardedViewer(key, 'residents'))).rejects.toEqual(refusal('other-audience'));
    await expect(verify(await forwardedViewer(other, 'parking'))).rejects.toEqual(refusal('unsigned'));
    await expect(verify(await forwardedViewer(key, 'parking', { request_id: '' }))).rejects.toEqual(refusal('incomplete'));
    await expect(verify('not a token')).rejects.toEqual(refusal('unsigned'));
  });

  it('refuses a header that expired, judged at the time it is given', async () => {
    const header = await forwardedViewer(key, 'parking');
    const later = new Date(Date.now() + 40_000);
    await expect(verifyForwardedViewer({ [FORWARDED_VIEWER_HEADER]: header }, { keys: key.jwks, audience: 'parking', now: later })).rejects.toEqual(refusal('expired'));
  });
});

describe('verifyForwardedViewer with the gateway JWKS URL', () => {
  let published: GatewayKey;
  let fetches = 0;
  let server: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    published = await gatewayKey();
    server = createServer((_request, response) => {
      fetches += 1;
      response.setHeader('content-type', 'application/json').end(JSON.stringify(published.jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${JWKS_PATH}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches the key set once for many requests, and not again for a stream of unknown keys', async () => {
    const verify = async (key: GatewayKey) =>
      (await verifyForwardedViewer({ [FORWARDED_VIEWER_HEADER]: await forwardedViewer(key, 'parking') }, { jwksUrl, audience: 'parking' })).subject;
    expect([await verify(published), await verify(published), await verify(published)]).toEqual(['r1', 'r1', 'r1']);
    expect(fetches).toBe(1);

    const forger = await gatewayKey();
    for (let attempt = 0; attempt < 3; attempt += 1) await expect(verify(forger)).rejects.toEqual(refusal('unsigned'));
    expect(fetches).toBe(1);
  });
});
