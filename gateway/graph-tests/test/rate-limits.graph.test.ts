import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPair } from 'jose';
import { SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { SIGNING_ALGORITHM, type KeyPair } from '@civic/identity';
import { startGateway, DEFAULT_RATE_QUOTAS, rateLimited, refusalBody, type RateQuotaByTier } from '@civic/gateway';
import { startStack, type Stack } from '@civic/test-harness';

// Rate limits per caller with small quotas: 3 requests a minute for each role.
const QUOTAS = Object.fromEntries(Object.keys(DEFAULT_RATE_QUOTAS).map((tier) => [tier, { requests: 3, windowSeconds: 60 }])) as RateQuotaByTier;
const TYPENAME = { query: '{ __typename }' };

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gateway: { rateLimits: { quotas: QUOTAS }, trustProxy: 'loopback' } });
});

afterAll(() => stack.stop());

async function post(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(TYPENAME) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
}

const fromAddress = (address: string) => ({ 'x-forwarded-for': address });

describe('an anonymous caller', () => {
  it('gets 429 with Retry-After and a RATE_LIMITED error past its quota, counted by address', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(stack.gatewayUrl, fromAddress('203.0.113.7'))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429, 429]);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      const seconds = Number(refused.retryAfter);
      expect(seconds >= 1 && seconds <= 60).toBe(true);
      expect(refused.body).toEqual(refusalBody(rateLimited('anonymous', seconds)));
    }
    // Another address has a quota of its own.
    expect((await post(stack.gatewayUrl, fromAddress('203.0.113.8'))).status).toBe(200);
  });

  it('leaves health answering while the caller is limited', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    expect((await fetch(`${origin}/health/live`, { headers: fromAddress('203.0.113.7') })).status).toBe(200);
  });
});

describe('a signed-in caller', () => {
  it('is counted by subject, whatever its address', async () => {
    const first = await stack.token({ roles: ['RESIDENT'], subject: 'resident:rate-1' });
    const second = await stack.token({ roles: ['RESIDENT'], subject: 'resident:rate-2' });
    const statuses = [];
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      statuses.push((await post(stack.gatewayUrl, { authorization: `Bearer ${first}`, ...fromAddress(address) })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await post(stack.gatewayUrl, { authorization: `Bearer ${second}` })).status).toBe(200);
  });
});

describe('a gateway that trusts no proxy', () => {
  it('counts callers by the connection’s address, ignoring X-Forwarded-For', async () => {
    const gateway = await aGateway({ quotas: QUOTAS });
    try {
      const statuses = [];
      for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) statuses.push((await post(gateway.url, fromAddress(address))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await gateway.stop();
    }
  });
});

describe('two gateway replicas sharing a MongoDB store', () => {
  it('share one quota', async () => {
    const store = { quotas: QUOTAS, mongoUri: inject('mongoUri'), mongoDatabase: `test_${randomBytes(4).toString('hex')}_rate_limits` };
    const [east, west] = await Promise.all([aGateway(store), aGateway(store)]);
    try {
      const statuses = [];
      for (const gateway of [east, west, east, west, east]) statuses.push((await post(gateway.url)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await Promise.all([east.stop(), west.stop()]);
    }
  });
});

/** A gateway of its own (no subgraphs needed: `{ __typename }` is answered by the gateway). */
async function aGateway(rateLimits: Parameters<typeof startGateway>[0]['rateLimits']) {
  const keys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  return startGateway({
    supergraphSdl: await readFile(SUPERGRAPH_OUTPUT_PATH, 'utf8'),
    accessTokenPublicKey: keys.publicKey,
    gatewayKeys: keys,
    rateLimits,
  });
}
