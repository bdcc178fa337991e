import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { anonymousIntrospection } from '@civic/gateway';
import { startStack, summaryOf, type Stack } from '@civic/test-harness';

// The gateway as NODE_ENV=production runs it: the schema is described to signed-in callers only.
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gateway: { anonymousIntrospection: false } });
});

afterAll(() => stack.stop());

const REFUSED = { status: 403, data: null, errors: [summaryOf(anonymousIntrospection())] };
const summary = ({ status, data, errors }: Awaited<ReturnType<Stack['query']>>) => ({ status, data, errors: errors.map(summaryOf) });

describe('anonymous callers', () => {
  it('are refused the standard introspection query', async () => {
    expect(summary(await stack.query(getIntrospectionQuery()))).toEqual(REFUSED);
  });

  it('are refused __type, also when a fragment asks for it', async () => {
    expect(summary(await stack.query('{ ...Peek } fragment Peek on Query { __type(name: "Resident") { name } }'))).toEqual(REFUSED);
  });

  it('still get __typename and public data', async () => {
    expect(summary(await stack.query('{ __typename organisations(first: 1) { totalCount } }'))).toEqual({
      status: 200,
      data: { __typename: 'Query', organisations: { totalCount: 0 } },
      errors: [],
    });
  });
});

describe('signed-in callers', () => {
  it('may introspect', async () => {
    const token = await stack.token({ roles: ['RESIDENT'], residentId: '65a1b2c3d4e5f6a7b8c9d0e1' });
    const response = await stack.query<{ __schema: { queryType: { name: string; kind: string } } }>(getIntrospectionQuery(), {}, { token });
    expect(response.errors).toEqual([]);
    expect(response.data?.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
  });

  it('are still held to graphql-js’s bound on nested introspection lists', async () => {
    const token = await stack.token({ roles: ['ANALYST'] });
    const nested = '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
    const response = await stack.query(nested, {}, { token });
    expect(response.errors.map((error) => [error.message, error.extensions?.code])).toEqual([['Maximum introspection depth exceeded', 'GRAPHQL_VALIDATION_FAILED']]);
  });
});
