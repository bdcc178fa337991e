import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, generateKeyPair } from 'jose';
import { ForwardedViewerRefused, SIGNING_ALGORITHM, type KeyPair } from '@civic/identity';
import {
  invalidAccessToken,
  purposeTooLong,
  refusalBody,
  startRouterCoprocessor,
  type CoprocessorHeaders,
  type CoprocessorResponse,
  type RunningRouterCoprocessor,
} from '@civic/gateway';
import { unauthenticated } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';

// The Apollo Router cannot run here, so these tests play its part: they post the coprocessor the
// payloads the router sends at its RouterRequest and SubgraphRequest stages (the JWT plugin's
// claims in the context), and send the subgraph request with the headers the coprocessor answers
// to a real subgraph, which must take it as that caller's.
const ROUTER_CONFIG = { version: 1, control: 'continue' } as const;
const ME = '{ me { id name } }';
/** How the residents subgraph answers `me` to a forwarded viewer it accepted as anonymous. */
const ANONYMOUS_ME = { status: 401, data: { me: null }, errors: [[unauthenticated().message, 'UNAUTHENTICATED']] };

let gatewayKeys: KeyPair;
let stack: Stack;
let world: World;
let coprocessor: RunningRouterCoprocessor;
let resident: { id: string; claims: Record<string, unknown> };
let requestCounter = 0;

async function post(payload: Record<string, unknown>): Promise<{ status: number; body: CoprocessorResponse }> {
  const response = await fetch(coprocessor.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: response.status, body: (await response.json()) as CoprocessorResponse };
}

/** The RouterRequest stage of one client request with these headers, the router's JWT claims (if any) in its context. */
async function routerRequest(headers: CoprocessorHeaders, claims?: unknown): Promise<CoprocessorResponse> {
  const entries = claims === undefined ? {} : { 'apollo::authentication::jwt_claims': claims };
  const { status, body } = await post({ ...ROUTER_CONFIG, stage: 'RouterRequest', id: `client-${++requestCounter}`, headers, context: { entries } });
  expect(status).toBe(200);
  return body;
}

/** The SubgraphRequest stage of that request for `serviceName`, with the subgraph request's own headers. */
async function subgraphRequest(client: CoprocessorResponse, serviceName: string, headers: CoprocessorHeaders = {}): Promise<CoprocessorResponse> {
  const { status, body } = await post({
    ...ROUTER_CONFIG,
    stage: 'SubgraphRequest',
    id: client.id,
    subgraphRequestId: `${client.id}-${serviceName}`,
    headers: { 'content-type': ['application/json'], ...headers },
    context: client.context,
    serviceName,
    uri: stack.subgraph(serviceName).url,
    method: 'POST',
  });
  expect(status).toBe(200);
  return body;
}

/** Sends the subgraph request with the headers the coprocessor gave it, as the router would. */
async function toSubgraph(serviceName: string, headers: CoprocessorHeaders | undefined, query: string) {
  const response = await fetch(stack.subgraph(serviceName).url, {
    method: 'POST',
    headers: Object.entries(headers ?? {}).map(([name, values]) => [name, values.join(', ')] as [string, string]),
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
  return { status: response.status, data: body.data ?? null, errors: (body.errors ?? []).map((error) => [error.message, error.extensions.code]) };
}

/** One client request through both stages to `serviceName`: the headers the subgraph request leaves with. */
async function signedFor(serviceName: string, clientHeaders: CoprocessorHeaders, claims?: unknown, subgraphHeaders?: CoprocessorHeaders) {
  const answer = await subgraphRequest(await routerRequest(clientHeaders, claims), serviceName, subgraphHeaders);
  expect(answer.control).toBe('continue');
  return answer.headers!;
}

beforeAll(async () => {
  gatewayKeys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  stack = await startStack({ gatewayKeys });
  coprocessor = await startRouterCoprocessor({ gatewayKeys });
  world = await aWorld(stack);
  const id = await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '王秀英', phone: '13812345678' });
  // The claims exactly as the router's JWT plugin verified them from the resident's bearer token.
  resident = { id, claims: decodeJwt(await stack.token({ roles: ['RESIDENT'], residentId: id })) };
});

afterAll(async () => {
  await coprocessor?.stop();
  await stack?.stop();
});

describe('a subgraph request signed by the router coprocessor', () => {
  it('is answered as the caller whose claims the router verified', async () => {
    const headers = await signedFor('residents', {}, resident.claims);
    expect(await toSubgraph('residents', headers, ME)).toEqual({ status: 200, data: { me: { id: resident.id, name: '王秀英' } }, errors: [] });
  });

  it('is taken as an anonymous caller when the router verified no token', async () => {
    const headers = await signedFor('residents', {});
    expect(decodeJwt(headers['x-civic-viewer']![0]!)).toMatchObject({ sub: 'anonymous', roles: [], scope: [], rid: null });
    expect(await toSubgraph('residents', headers, ME)).toEqual(ANONYMOUS_ME);
  });

  it('is signed for the one subgraph it goes to, with the request id and purpose of its request', async () => {
    const client = await routerRequest({ 'x-request-id': ['trace-42'], 'x-civic-purpose': [encodeURIComponent(' 入户走访 ')] }, resident.claims);
    const [residents, wishes] = [await subgraphRequest(client, 'residents'), await subgraphRequest(client, 'wishes')];
    expect(decodeJwt(residents.headers!['x-civic-viewer']![0]!)).toMatchObject({
      iss: 'civic-graph-gateway',
      aud: 'residents',
      sub: resident.claims.sub,
      rid: resident.id,
      roles: ['RESIDENT'],
      request_id: 'trace-42',
      purpose: '入户走访',
    });
    expect(decodeJwt(wishes.headers!['x-civic-viewer']![0]!)).toMatchObject({ aud: 'wishes', request_id: 'trace-42' });
    expect(residents.headers!['x-request-id']).toEqual(['trace-42']);
    expect(await toSubgraph('wishes', residents.headers, '{ __typename }')).toEqual({ status: 401, data: null, errors: [[new ForwardedViewerRefused('other-audience').message, 'UNAUTHENTICATED']] });
  });

  it('names one new request id for all subgraph requests of a request that sent none, or none fit to log', async () => {
    const requests: CoprocessorHeaders[] = [{}, { 'x-request-id': ['not a sane id\n'] }];
    for (const clientHeaders of requests) {
      const client = await routerRequest(clientHeaders);
      const ids = [await subgraphRequest(client, 'residents'), await subgraphRequest(client, 'meetings')].map((answer) => answer.headers!['x-request-id']![0]);
      expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(ids[1]).toBe(ids[0]);
    }
  });
});

describe('an x-civic-viewer the client sent', () => {
  it('never reaches the subgraph: the coprocessor signs its own in its place', async () => {
    // A header signed for a street admin, captured from another request, replayed by the resident's client.
    const admin = decodeJwt(await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] }));
    const captured = (await signedFor('residents', {}, admin))['x-civic-viewer']![0]!;
    const headers = await signedFor('residents', { 'x-civic-viewer': [captured] }, resident.claims, { 'x-civic-viewer': [captured], 'X-Civic-Viewer': [captured] });
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'x-civic-viewer')).toEqual(['x-civic-viewer']);
    expect(headers['x-civic-viewer']).toHaveLength(1);
    expect(headers['x-civic-viewer']![0]).not.toBe(captured);
    expect(decodeJwt(headers['x-civic-viewer']![0]!)).toMatchObject({ sub: resident.claims.sub, roles: ['RESIDENT'] });
    expect(await toSubgraph('residents', headers, ME)).toEqual({ status: 200, data: { me: { id: resident.id, name: '王秀英' } }, errors: [] });
  });

  it('is removed even from an anonymous request', async () => {
    const captured = (await signedFor('residents', {}, resident.claims))['x-civic-viewer']![0]!;
    const headers = await signedFor('residents', {}, undefined, { 'x-civic-viewer': [captured] });
    expect(decodeJwt(headers['x-civic-viewer']![0]!)).toMatchObject({ sub: 'anonymous' });
    expect(await toSubgraph('residents', headers, ME)).toEqual(ANONYMOUS_ME);
  });
});

describe('what the coprocessor refuses', () => {
  it('claims that name no subject, as the gateway refuses such a token: 401 before the subgraph is asked', async () => {
    const { sub: _sub, ...forged } = resident.claims;
    for (const claims of [forged, 'not claims']) {
      const answer = await subgraphRequest(await routerRequest({}, claims), 'residents');
      expect(answer.control).toEqual({ break: 401 });
      expect(answer.body).toEqual(refusalBody(invalidAccessToken()));
      expect(answer.headers!['x-civic-viewer']).toBeUndefined();
    }
  });

  it('a stated purpose the gateway refuses, with its refusal, at the RouterRequest stage', async () => {
    const answer = await routerRequest({ 'x-civic-purpose': ['x'.repeat(201)] }, resident.claims);
    expect(answer.control).toEqual({ break: 400 });
    expect(answer.body).toEqual(refusalBody(purposeTooLong()));
  });

  it('a subgraph request whose request never passed the RouterRequest stage', async () => {
    const answer = await subgraphRequest({ id: 'unrouted', stage: 'RouterRequest', version: 1, control: 'continue', context: { entries: {} } }, 'residents');
    expect(answer.control).toEqual({ break: 500 });
  });

  it('a request that is not JSON', async () => {
    const response = await fetch(coprocessor.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"stage":' });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 400, body: { error: 'The coprocessor request could not be read as JSON' } });
  });

  it('a stage it is not configured for', async () => {
    expect(await post({ ...ROUTER_CONFIG, stage: 'SupergraphRequest', id: 'x' })).toEqual({
      status: 400,
      body: { error: 'The coprocessor serves the RouterRequest and SubgraphRequest stages, not "SupergraphRequest"' },
    });
  });
});

describe('the coprocessor process', () => {
  it('answers its health probes', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const response = await fetch(new URL(path, coprocessor.url));
      expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    }
  });
});
