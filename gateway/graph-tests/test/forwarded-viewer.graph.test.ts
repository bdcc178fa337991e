import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { ForwardedViewerRefused, SIGNING_ALGORITHM, type ForwardedViewerRefusalReason, type KeyPair } from '@civic/identity';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { startCapturingProxy, type CapturingProxy } from './capturing-proxy.ts';

// A forwarded viewer is for one subgraph: a header captured where the gateway sent it (a proxy in
// front of the organisations subgraph stands for a partner's subgraph) opens no other. The
// subgraphs verify against the gateway's JWKS, as a partner's would (identity.graph.test.ts runs
// them with the key).
const CAPTURED_AT = 'organisations';
const OTHER_SUBGRAPHS = ['residents', 'wishes', 'resources', 'meetings', 'notifications'];

let gatewayKeys: KeyPair;
let proxy: CapturingProxy;
let stack: Stack;
let world: World;
let residentId: string;
/** The forwarded viewers organisations received while the world was built (services asking the graph among them). */
let capturedWhileBuilding: string[];
/** The headers organisations received for one street admin's request. */
let captured: { viewer: string; requestId: string }[];

const ORGANISATION = `query($id: ID!) { organisation(id: $id) { name } }`;

/** Sends an operation straight to a subgraph with the given forwarded viewer. */
async function direct(subgraph: string, viewerHeader: string, query = '{ __typename }', variables: Record<string, unknown> = {}) {
  const response = await fetch(stack.subgraph(subgraph).url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-civic-viewer': viewerHeader },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
  return { status: response.status, data: body.data ?? null, errors: (body.errors ?? []).map((e) => [e.message, e.extensions.code]) };
}

/** A subgraph's refusal of a forwarded viewer, as `direct` summarises it. */
const refusedFor = (reason: ForwardedViewerRefusalReason) => [new ForwardedViewerRefused(reason).message, 'UNAUTHENTICATED'];

/** A forwarded viewer for `audience` signed with the gateway's own key, by hand, with the lifetime and `kid` given. */
async function handSigned(audience: string, lifetimeSeconds: number, kid?: string): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  kid ??= await calculateJwkThumbprint(await exportJWK(gatewayKeys.publicKey));
  return new SignJWT({ rid: null, roles: ['DISTRICT_ADMIN'], scope: [world.districtId], request_id: 'hand-signed' })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setSubject('test:admin')
    .setIssuer('civic-graph-gateway')
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(gatewayKeys.privateKey);
}

beforeAll(async () => {
  gatewayKeys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  proxy = await startCapturingProxy();
  stack = await startStack({ gatewayKeys, subgraphUrls: { [CAPTURED_AT]: proxy.url }, verifyWithGatewayJwks: true });
  proxy.forwardTo(stack.subgraph(CAPTURED_AT).url);
  world = await aWorld(stack);
  residentId = await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '王秀英', phone: '13812345678' });

  // One request that reaches organisations twice: its root field, and the grid of the resident's household.
  const streetAdmin = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
  capturedWhileBuilding = proxy.captured.map((headers) => headers['x-civic-viewer'] as string);
  proxy.captured.length = 0;
  const response = await stack.query(
    `query($org: ID!, $resident: ID!) { organisation(id: $org) { name } resident(id: $resident) { household { grid { name } } } }`,
    { org: world.communityId, resident: residentId },
    { token: streetAdmin },
  );
  expect(response.errors).toEqual([]);
  captured = proxy.captured.map((headers) => ({ viewer: headers['x-civic-viewer'] as string, requestId: headers['x-request-id'] as string }));
});

afterAll(async () => {
  await stack?.stop();
  await proxy?.stop();
});

describe('a forwarded viewer captured by one subgraph', () => {
  it('names the same viewer and request for every fetch one request makes from that subgraph, each signed as it is sent', () => {
    expect(captured).toHaveLength(2);
    const untimed = captured.map(({ viewer, requestId }) => {
      const { iat: _iat, exp: _exp, ...claims } = decodeJwt(viewer);
      return { claims, requestId };
    });
    expect(untimed[1]).toEqual(untimed[0]);
    expect(captured[0]!.viewer).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each(OTHER_SUBGRAPHS)('is refused by %s', async (subgraph) => {
    expect(await direct(subgraph, captured[0]!.viewer)).toEqual({
      status: 401,
      data: null,
      errors: [refusedFor('other-audience')],
    });
  });

  it('is accepted by the subgraph it was for, within its lifetime', async () => {
    expect(await direct(CAPTURED_AT, captured[0]!.viewer, ORGANISATION, { id: world.communityId })).toEqual({
      status: 200,
      data: { organisation: { name: '新城社区党委' } },
      errors: [],
    });
  });
});

describe('a service asking the graph with its SERVICE token', () => {
  it('is forwarded as itself, for the subgraph it asked', () => {
    // Registering a household makes residents ask organisations about the grid.
    const services = capturedWhileBuilding.map((header) => decodeJwt(header)).filter((claims) => claims.sub === 'service:residents');
    expect(services.length).toBeGreaterThan(0);
    expect(services[0]).toMatchObject({ aud: CAPTURED_AT, roles: ['SERVICE'] });
  });
});

describe('the lifetime of a forwarded viewer', () => {
  it('is at most 30 seconds, even when the gateway key signed a longer one', async () => {
    expect(await direct('residents', await handSigned('residents', 30))).toEqual({ status: 200, data: { __typename: 'Query' }, errors: [] });
    expect(await direct('residents', await handSigned('residents', 60))).toEqual({
      status: 401,
      data: null,
      errors: [refusedFor('too-long-lived')],
    });
  });
});

describe('the gateway JWKS', () => {
  it('is what the subgraphs verify with: the right key under a kid it does not list is refused', async () => {
    expect(await direct('residents', await handSigned('residents', 30, 'a-retired-key'))).toEqual({
      status: 401,
      data: null,
      errors: [refusedFor('unsigned')],
    });
  });

  it('serves the key that verifies a captured header, under the kid the header names', async () => {
    const response = await fetch(new URL('/.well-known/jwks.json', stack.gatewayUrl));
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as JSONWebKeySet;
    const published = await exportJWK(gatewayKeys.publicKey);
    const kid = await calculateJwkThumbprint(published);
    expect(jwks).toEqual({ keys: [{ ...published, kid, alg: 'EdDSA', use: 'sig' }] });

    const { payload, protectedHeader } = await jwtVerify(captured[0]!.viewer, createLocalJWKSet(jwks), { issuer: 'civic-graph-gateway', audience: CAPTURED_AT });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid });
    expect(payload).toMatchObject({ sub: 'test:user', roles: ['STREET_ADMIN'], scope: [world.streetId], request_id: captured[0]!.requestId });
    expect(payload.exp! - payload.iat!).toBe(30);
  });
});
