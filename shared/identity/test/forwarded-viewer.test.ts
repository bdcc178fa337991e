import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  FORWARDED_VIEWER_ISSUER,
  ForwardedViewerRefused,
  gatewaySigningKey,
  issueAccessToken,
  signForwardedViewer,
  SIGNING_ALGORITHM,
  verifyForwardedViewer,
  type GatewaySigningKey,
  type KeyPair,
  type Viewer,
} from '../src/index.ts';

const keys = () => generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' }) as Promise<KeyPair>;
const STREET_ADMIN: Viewer = { subject: 'r1', residentId: 'r1', roles: ['STREET_ADMIN'], scope: ['s1'] };
const FOR_RESIDENTS = { audience: 'residents', requestId: 'req-1', purpose: null };
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);
const epochSeconds = () => Math.floor(Date.now() / 1000);

/** A header signed by hand with the gateway's key: every claim as the gateway sets it unless overridden. */
function handSigned(key: GatewaySigningKey, claims: JWTPayload): Promise<string> {
  const issuedAt = epochSeconds();
  return new SignJWT({ rid: null, roles: [], scope: [], request_id: 'req-1', ...claims })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid })
    .setSubject('anonymous')
    .setIssuer(FORWARDED_VIEWER_ISSUER)
    .setAudience('residents')
    .setIssuedAt((claims.iat as number | undefined) ?? issuedAt)
    .setExpirationTime((claims.exp as number | undefined) ?? issuedAt + 30)
    .sign(key.privateKey);
}

describe('forwarded viewer', () => {
  it('carries the viewer and the request id to the subgraph it names', async () => {
    const pair = await keys();
    const header = await signForwardedViewer(await gatewaySigningKey(pair), STREET_ADMIN, FOR_RESIDENTS);
    expect(await verifyForwardedViewer(pair.publicKey, header, 'residents')).toEqual({ viewer: STREET_ADMIN, requestId: 'req-1', purpose: null });
  });

  it('carries the stated purpose in its own claim, and no claim when none was stated', async () => {
    const pair = await keys();
    const key = await gatewaySigningKey(pair);
    const stated = await signForwardedViewer(key, STREET_ADMIN, { ...FOR_RESIDENTS, purpose: '入户走访核实低保' });
    expect(decodeJwt(stated).purpose).toBe('入户走访核实低保');
    expect(await verifyForwardedViewer(pair.publicKey, stated, 'residents')).toEqual({ viewer: STREET_ADMIN, requestId: 'req-1', purpose: '入户走访核实低保' });
    expect(Object.hasOwn(decodeJwt(await signForwardedViewer(key, STREET_ADMIN, FOR_RESIDENTS)), 'purpose')).toBe(false);
  });

  it('drops a purpose claim that is not text within 200 characters', async () => {
    const pair = await keys();
    const key = await gatewaySigningKey(pair);
    expect((await verifyForwardedViewer(pair.publicKey, await handSigned(key, { purpose: 'x'.repeat(200) }), 'residents')).purpose).toBe('x'.repeat(200));
    expect((await verifyForwardedViewer(pair.publicKey, await handSigned(key, { purpose: 'x'.repeat(201) }), 'residents')).purpose).toBeNull();
    expect((await verifyForwardedViewer(pair.publicKey, await handSigned(key, { purpose: 42 }), 'residents')).purpose).toBeNull();
  });

  it('carries an anonymous caller as anonymous', async () => {
    const pair = await keys();
    const header = await signForwardedViewer(await gatewaySigningKey(pair), ANONYMOUS, FOR_RESIDENTS);
    expect((await verifyForwardedViewer(pair.publicKey, header, 'residents')).viewer).toBe(ANONYMOUS);
  });

  it('is signed with the key id, for one audience, for 30 seconds', async () => {
    const key = await gatewaySigningKey(await keys());
    const header = await signForwardedViewer(key, STREET_ADMIN, FOR_RESIDENTS, new Date('2026-11-30T02:00:00Z'));
    expect(decodeProtectedHeader(header)).toEqual({ alg: 'EdDSA', kid: key.kid });
    expect(decodeJwt(header)).toEqual({
      iss: 'civic-graph-gateway',
      aud: 'residents',
      sub: 'r1',
      rid: 'r1',
      roles: ['STREET_ADMIN'],
      scope: ['s1'],
      request_id: 'req-1',
      iat: 1796004000,
      exp: 1796004030,
    });
  });

  it('is refused by every other subgraph', async () => {
    const pair = await keys();
    const header = await signForwardedViewer(await gatewaySigningKey(pair), STREET_ADMIN, FOR_RESIDENTS);
    await expect(verifyForwardedViewer(pair.publicKey, header, 'organisations')).rejects.toEqual(new ForwardedViewerRefused('other-audience'));
  });

  it('is accepted until its 30 seconds are over, and refused as expired after', async () => {
    const pair = await keys();
    const key = await gatewaySigningKey(pair);
    const young = await signForwardedViewer(key, STREET_ADMIN, FOR_RESIDENTS, secondsAgo(28));
    expect((await verifyForwardedViewer(pair.publicKey, young, 'residents')).viewer).toEqual(STREET_ADMIN);
    const old = await signForwardedViewer(key, STREET_ADMIN, FOR_RESIDENTS, secondsAgo(35));
    await expect(verifyForwardedViewer(pair.publicKey, old, 'residents')).rejects.toEqual(new ForwardedViewerRefused('expired'));
  });

  it('refuses a lifetime over 30 seconds even when the gateway signed it', async () => {
    const pair = await keys();
    const key = await gatewaySigningKey(pair);
    const now = epochSeconds();
    const thirty = await handSigned(key, { iat: now, exp: now + 30 });
    expect((await verifyForwardedViewer(pair.publicKey, thirty, 'residents')).requestId).toBe('req-1');
    const sixty = await handSigned(key, { iat: now, exp: now + 60 });
    await expect(verifyForwardedViewer(pair.publicKey, sixty, 'residents')).rejects.toEqual(new ForwardedViewerRefused('too-long-lived'));
  });

  it('refuses one dated in the future, which would stretch its lifetime', async () => {
    const pair = await keys();
    const now = epochSeconds();
    const header = await handSigned(await gatewaySigningKey(pair), { iat: now + 600, exp: now + 630 });
    await expect(verifyForwardedViewer(pair.publicKey, header, 'residents')).rejects.toEqual(new ForwardedViewerRefused('issued-in-future'));
  });

  it('refuses one without a request id', async () => {
    const pair = await keys();
    const header = await handSigned(await gatewaySigningKey(pair), { request_id: undefined });
    await expect(verifyForwardedViewer(pair.publicKey, header, 'residents')).rejects.toEqual(new ForwardedViewerRefused('incomplete'));
  });

  it('refuses one signed by another key', async () => {
    const forger = await gatewaySigningKey(await keys());
    const { publicKey } = await keys();
    const header = await signForwardedViewer(forger, STREET_ADMIN, FOR_RESIDENTS);
    await expect(verifyForwardedViewer(publicKey, header, 'residents')).rejects.toEqual(new ForwardedViewerRefused('unsigned'));
  });

  it('refuses a user access token passed off as a forwarded viewer', async () => {
    const { privateKey, publicKey } = await keys();
    const accessToken = await issueAccessToken(privateKey, { subject: 'r1', roles: ['STREET_ADMIN'] });
    await expect(verifyForwardedViewer(publicKey, accessToken, 'residents')).rejects.toEqual(new ForwardedViewerRefused('unsigned'));
  });

  it('verifies against the gateway JWKS, and refuses a key id the set does not hold', async () => {
    const key = await gatewaySigningKey(await keys());
    const jwks = createLocalJWKSet(key.jwks);
    const header = await signForwardedViewer(key, STREET_ADMIN, FOR_RESIDENTS);
    expect((await verifyForwardedViewer(jwks, header, 'residents')).viewer).toEqual(STREET_ADMIN);
    const stranger = await signForwardedViewer(await gatewaySigningKey(await keys()), STREET_ADMIN, FOR_RESIDENTS);
    await expect(verifyForwardedViewer(jwks, stranger, 'residents')).rejects.toEqual(new ForwardedViewerRefused('unsigned'));
  });
});
