import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from 'jose';
import { expiredAccessToken, invalidAccessToken } from '@civic/gateway';
import { ForwardedViewerRefused, gatewaySigningKey, signForwardedViewer, SIGNING_ALGORITHM, type KeyPair } from '@civic/identity';
import { aWorld, startStack, summaryOf, type Stack, type World } from '@civic/test-harness';

// Identity through the real gateway: tokens, subgraphs refusing direct calls, PII by viewer.
let stack: Stack;
let world: World;
let residentId: string;

const RESIDENT = `query($id: ID!) { resident(id: $id) { name phone idNumber piiMasked household { room } } }`;

beforeAll(async () => {
  stack = await startStack();
  world = await aWorld(stack);
  const household = await world.aHousehold(await world.aMicroGrid(), { building: '3栋', unit: '2单元', room: '501室' });
  residentId = await world.aResident(household, { name: '王秀英', phone: '13812345678', idNumber: '11010519491231002X' });
});

afterAll(() => stack.stop());

describe('callers without a valid token', () => {
  it('lets an anonymous caller read public organisation names', async () => {
    const response = await stack.query(`query($id: ID!) { organisation(id: $id) { name kind } }`, { id: world.communityId });
    expect(response).toEqual({ status: 200, data: { organisation: { name: '新城社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE' } }, errors: [] });
  });

  it('refuses resident data to an anonymous caller', async () => {
    const response = await stack.query(RESIDENT, { id: residentId });
    expect(response.data).toEqual({ resident: null });
    expect(response.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers 401 to a token that is not ours', async () => {
    const response = await stack.query(RESIDENT, { id: residentId }, { token: 'eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl' });
    expect(response.status).toBe(401);
    expect(response.errors.map(summaryOf)).toEqual([summaryOf(invalidAccessToken())]);
  });

  it('answers 401 to an expired token', async () => {
    const expired = await stack.token({ roles: ['RESIDENT'], residentId }, -60);
    const response = await stack.query(RESIDENT, { id: residentId }, { token: expired });
    expect(response.status).toBe(401);
    expect(response.errors.map(summaryOf)).toEqual([summaryOf(expiredAccessToken())]);
  });
});

describe('a subgraph called directly', () => {
  const direct = async (headers: Record<string, string>) => {
    const response = await fetch(stack.subgraph('residents').url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: `{ residents(first: 1) { edges { node { name } } } }` }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    return { status: response.status, errors: body.errors.map((e) => [e.message, e.extensions.code]) };
  };

  it('refuses a call without the gateway-signed viewer, even with a valid user token', async () => {
    const token = await stack.token({ roles: ['DISTRICT_ADMIN'], scope: [world.districtId] });
    expect(await direct({ authorization: `Bearer ${token}` })).toEqual({
      status: 401,
      errors: [[new ForwardedViewerRefused('missing').message, 'UNAUTHENTICATED']],
    });
  });

  it('refuses a viewer header signed by any other key', async () => {
    const forger = await gatewaySigningKey((await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair);
    const viewer = { subject: 'x', residentId: null, roles: ['DISTRICT_ADMIN' as const], scope: [world.districtId] };
    const forged = await signForwardedViewer(forger, viewer, { audience: 'residents', requestId: 'forged', purpose: null });
    expect(await direct({ 'x-civic-viewer': forged })).toEqual({
      status: 401,
      errors: [[new ForwardedViewerRefused('unsigned').message, 'UNAUTHENTICATED']],
    });
  });
});

describe('personal data', () => {
  it('is masked for another resident, who reads no other fact about the person', async () => {
    const stranger = await stack.token({ roles: ['RESIDENT'], residentId: '65a1b2c3d4e5f6a7b8c9d0e1' });
    const response = await stack.query(RESIDENT, { id: residentId }, { token: stranger });
    expect(response.data).toEqual({
      resident: { name: '王**', phone: '138****5678', idNumber: '110***********002X', piiMasked: true, household: null },
    });
  });

  it('is shown in full to the resident', async () => {
    const self = await stack.token({ roles: ['RESIDENT'], residentId });
    const response = await stack.query(RESIDENT, { id: residentId }, { token: self });
    expect(response.data).toEqual({
      resident: { name: '王秀英', phone: '13812345678', idNumber: '11010519491231002X', piiMasked: false, household: { room: '501室' } },
    });
  });

  it('is shown in full to a community worker whose scope covers the resident', async () => {
    const worker = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    const response = await stack.query(RESIDENT, { id: residentId }, { token: worker });
    expect(response.data).toEqual({
      resident: { name: '王秀英', phone: '13812345678', idNumber: '11010519491231002X', piiMasked: false, household: { room: '501室' } },
    });
  });
});
