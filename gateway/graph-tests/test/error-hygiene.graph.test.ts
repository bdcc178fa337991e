import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyNotJson, bodyTooLarge, emptyBody, malformedJson, operationNameMissing, pathNotServed, refusalBody, unknownOperationName } from '@civic/gateway';
import { unauthenticated } from '@civic/service-kit';
import { startStack, type Stack } from '@civic/test-harness';
import { send } from './http.ts';

// What the gateway answers to requests it cannot or will not serve: JSON, a 4xx for the
// client's mistakes, nothing internal.
let stack: Stack;
const JSON_TYPE = 'application/json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(() => stack.stop());

const post = (body: string, contentType = 'application/json') => send(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
// Apollo Server's own refusals, written as it words them.
const apolloRefusal = (message: string, code = 'BAD_REQUEST') => ({ errors: [{ message, extensions: { code } }] });

describe('a body the gateway cannot read', () => {
  it('answers malformed JSON with 400', async () => {
    const response = await post('{"query": "{ __typename }"');
    expect(response).toEqual({ status: 400, contentType: JSON_TYPE, requestId: expect.stringMatching(UUID), body: refusalBody(malformedJson()) });
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } }));
    expect(response).toEqual({
      status: 413,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: refusalBody(bodyTooLarge(1)),
    });
  });

  it('answers a body that is not JSON by its content type with 415', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }), 'text/plain');
    expect(response).toEqual({
      status: 415,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: refusalBody(bodyNotJson()),
    });
  });

  it('answers an empty body with 400', async () => {
    const response = await post('');
    expect(response).toEqual({
      status: 400,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: refusalBody(emptyBody()),
    });
  });

  it('answers a JSON object without a query with 400', async () => {
    const response = await post('{}');
    expect(response).toEqual({
      status: 400,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: apolloRefusal('POST body missing, invalid Content-Type, or JSON object has no keys.'),
    });
  });

  it('answers a path it does not serve with a JSON 404', async () => {
    const response = await send(new URL('/graphiql/index.php', stack.gatewayUrl).href);
    expect(response).toEqual({
      status: 404,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: refusalBody(pathNotServed()),
    });
  });
});

describe('an operation that cannot be resolved', () => {
  it('answers an unknown operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const response = await post(JSON.stringify({ query: 'query Known { __typename }', operationName: 'Unknown' }));
    expect(response).toEqual({
      status: 400,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: refusalBody(unknownOperationName('Unknown')),
    });
  });

  it('answers several operations without an operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const response = await post(JSON.stringify({ query: 'query A { __typename } query B { __typename }' }));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusalBody(operationNameMissing()));
  });
});

describe("Apollo Server's own refusals, through the gateway", () => {
  it('answers variables of the wrong type with 400 BAD_USER_INPUT', async () => {
    const response = await post(JSON.stringify({ query: 'query($first: Int!) { organisations(first: $first) { totalCount } }', variables: { first: 'many' } }));
    expect([response.status, (response.body as { errors: { extensions: { code: string } }[] }).errors.map((error) => error.extensions.code)]).toEqual([
      400,
      ['BAD_USER_INPUT'],
    ]);
  });

  it('answers an unknown persisted query hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const response = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }));
    expect([response.status, response.body]).toEqual([200, apolloRefusal('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')]);
  });

  it('answers a mutation sent over GET with 405 BAD_REQUEST', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('mutation { withdrawWish(id: "x") { id } }')}`;
    const response = await send(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect([response.status, response.body]).toEqual([405, apolloRefusal('GET requests only support query operations, not mutation operations')]);
  });
});

describe('a subgraph that refuses', () => {
  it("passes on the subgraph's own typed error with its 401, and nothing of its reply", async () => {
    const response = await post(JSON.stringify({ query: 'mutation { withdrawWish(id: "65a1b2c3d4e5f6a7b8c9d0e1") { id } }' }));
    expect(response).toEqual({
      status: 401,
      contentType: JSON_TYPE,
      requestId: expect.stringMatching(UUID),
      body: { data: null, errors: [{ message: unauthenticated().message, extensions: { code: 'UNAUTHENTICATED', serviceName: 'wishes' } }] },
    });
    const text = JSON.stringify(response.body);
    for (const internal of ['http', '127.0.0.1', new URL(stack.subgraph('wishes').url).port, 'response', 'Unauthorized']) {
      expect(text).not.toContain(internal);
    }
  });
});
