import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidTokenError, issueAccessToken, SIGNING_ALGORITHM, verifyAccessToken, type KeyPair } from '../src/index.ts';

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
