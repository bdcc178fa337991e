import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  InvalidTokenError,
  issueAccessToken,
  signForwardedViewer,
  SIGNING_ALGORITHM,
  verifyAccessToken,
  verifyForwardedViewer,
  type KeyPair,
} from '../src/index.ts';

const keys = () => generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' }) as Promise<KeyPair>;

describe('access tokens', () => {
  it('round-trips the claims of a staff member', async () => {
    const { privateKey, publicKey } = await keys();
    const token = await issueAccessToken(privateKey, { subject: 'r1', residentId: 'r1', roles: ['COMMUNITY_WORKER'], scope: ['c1'] });
    expect(await verifyAccessToken(publicKey, token)).toEqual({ subject: 'r1', residentId: 'r1', roles: ['COMMUNITY_WORKER'], scope: ['c1'] });
  });

  it('refuses an expired token as expired', async () => {
    const { privateKey, publicKey } = await keys();
    const token = await issueAccessToken(privateKey, { subject: 'r1', roles: ['RESIDENT'] }, 60, new Date(Date.now() - 3600_000));
    await expect(verifyAccessToken(publicKey, token)).rejects.toEqual(new InvalidTokenError('expired'));
  });

  it('refuses a token signed by another key as invalid', async () => {
    const other = await keys();
    const { publicKey } = await keys();
    const token = await issueAccessToken(other.privateKey, { subject: 'r1', roles: ['RESIDENT'] });
    await expect(verifyAccessToken(publicKey, token)).rejects.toEqual(new InvalidTokenError('invalid'));
  });

  it('drops roles it does not know', async () => {
    const { privateKey, publicKey } = await keys();
    const token = await issueAccessToken(privateKey, { subject: 's', roles: ['ANALYST', 'EMPEROR' as never] });
    expect((await verifyAccessToken(publicKey, token)).roles).toEqual(['ANALYST']);
  });
});

describe('forwarded viewer', () => {
  it('carries the viewer from the gateway to a subgraph', async () => {
    const { privateKey, publicKey } = await keys();
    const viewer = { subject: 'r1', residentId: 'r1', roles: ['RESIDENT' as const], scope: [] };
    expect(await verifyForwardedViewer(publicKey, await signForwardedViewer(privateKey, viewer))).toEqual(viewer);
  });

  it('carries an anonymous caller as anonymous', async () => {
    const { privateKey, publicKey } = await keys();
    expect(await verifyForwardedViewer(publicKey, await signForwardedViewer(privateKey, ANONYMOUS))).toBe(ANONYMOUS);
  });

  it('refuses a header older than a minute', async () => {
    const { privateKey, publicKey } = await keys();
    const header = await signForwardedViewer(privateKey, ANONYMOUS, new Date(Date.now() - 120_000));
    await expect(verifyForwardedViewer(publicKey, header)).rejects.toThrow('"exp" claim timestamp check failed');
  });

  it('refuses a user access token passed off as a forwarded viewer', async () => {
    const { privateKey, publicKey } = await keys();
    const accessToken = await issueAccessToken(privateKey, { subject: 'r1', roles: ['STREET_ADMIN'] });
    await expect(verifyForwardedViewer(publicKey, accessToken)).rejects.toThrow('unexpected "iss" claim value');
  });
});
