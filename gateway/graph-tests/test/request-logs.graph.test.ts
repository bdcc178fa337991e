import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { capturedLogs, type LogLine } from './captured-logs.ts';
import { send } from './http.ts';

// Request ids and the access log, read from the loggers of the gateway and the subgraphs.
let stack: Stack;
let world: World;
const { logger, lines } = capturedLogs();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ANONYMOUS_MUTATION = 'mutation Withdraw { withdrawWish(id: "65a1b2c3d4e5f6a7b8c9d0e1") { id } }';

beforeAll(async () => {
  stack = await startStack({ logger });
  world = await aWorld(stack);
});

afterAll(() => stack.stop());

function post(body: unknown, headers: Record<string, string> = {}) {
  return send(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId);

/** The access line of a request, without the fields pino adds to every line and the duration. */
function accessLineOf(requestId: string) {
  const access = linesOf(requestId).filter((line) => line.msg === 'operation');
  expect(access).toHaveLength(1);
  const { time, pid, hostname, durationMs, ...fields } = access[0] as LogLine;
  expect([typeof time, typeof pid, typeof hostname, typeof durationMs]).toEqual(['number', 'number', 'string', 'number']);
  expect(durationMs).toBeGreaterThanOrEqual(0);
  return fields;
}

describe('the request id', () => {
  it('is the caller’s own when sane, returned in x-request-id', async () => {
    const response = await post({ query: '{ __typename }' }, { 'x-request-id': 'client-42.a:b_c' });
    expect([response.status, response.requestId]).toEqual([200, 'client-42.a:b_c']);
  });

  it('is made when the caller sent none, or one too long or with other characters', async () => {
    const headers: Record<string, string>[] = [{}, { 'x-request-id': 'a'.repeat(129) }, { 'x-request-id': 'two words' }, { 'x-request-id': '<script>' }];
    for (const header of headers) {
      const response = await post({ query: '{ __typename }' }, header);
      expect(response.requestId).toMatch(UUID);
    }
  });

  it('is returned on a refusal and on the health checks too', async () => {
    const refused = await send(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad-body-1' }, body: '{' });
    expect([refused.status, refused.requestId]).toEqual([400, 'bad-body-1']);
    const live = await send(new URL('/health/live', stack.gatewayUrl).href, { headers: { 'x-request-id': 'probe-1' } });
    expect([live.status, live.requestId]).toEqual([200, 'probe-1']);
  });

  it('is in every line the gateway and the subgraph it reached logged for the request', async () => {
    await post({ query: ANONYMOUS_MUTATION }, { 'x-request-id': 'trace-me-1' });
    expect(linesOf('trace-me-1').map((line) => [line.name, line.msg])).toEqual([
      ['wishes', 'operation failed'],
      ['gateway', 'subgraph answered with an HTTP error'],
      ['gateway', 'operation'],
    ]);
    expect(linesOf('trace-me-1')[0]).toMatchObject({ operationName: 'Withdraw__wishes__0', errorCodes: ['UNAUTHENTICATED'] });
  });
});

describe('the access log', () => {
  it('writes one line per operation: name, type, duration, outcome, status and roles', async () => {
    const token = await stack.token({ roles: ['RESIDENT'], residentId: '65a1b2c3d4e5f6a7b8c9d0e1', subject: 'subject-9f3a' });
    const response = await post(
      { query: 'query Community($id: ID!) { organisation(id: $id) { name } }', variables: { id: world.communityId }, operationName: 'Community' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'access-ok-1' },
    );
    expect(response.status).toBe(200);
    expect(accessLineOf('access-ok-1')).toEqual({
      level: 30,
      name: 'gateway',
      requestId: 'access-ok-1',
      msg: 'operation',
      operationName: 'Community',
      operationType: 'query',
      outcome: 'ok',
      errorCodes: [],
      status: 200,
      roles: ['RESIDENT'],
    });
    const everything = JSON.stringify(lines);
    for (const personal of [world.communityId, 'subject-9f3a', '65a1b2c3d4e5f6a7b8c9d0e1', token]) expect(everything).not.toContain(personal);
  });

  it('says an operation failed, with the codes the client received', async () => {
    await post({ query: ANONYMOUS_MUTATION }, { 'x-request-id': 'access-error-1' });
    expect(accessLineOf('access-error-1')).toMatchObject({
      operationName: 'Withdraw',
      operationType: 'mutation',
      outcome: 'error',
      errorCodes: ['UNAUTHENTICATED'],
      status: 401,
      roles: [],
    });
  });

  it('logs a request refused before it became an operation', async () => {
    await send(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'access-bad-1' }, body: '{' });
    expect(accessLineOf('access-bad-1')).toMatchObject({ operationName: null, operationType: null, outcome: 'error', errorCodes: ['BAD_REQUEST'], status: 400, roles: [] });
  });
});
