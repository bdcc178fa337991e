import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { answeredError, overBudget, overCap, refusalBody } from '@civic/gateway';
import { startStack, type Stack } from '@civic/test-harness';

// The default caps and budgets of each role, through the real gateway in front of the whole graph.
let stack: Stack;
let tokens: Record<'anonymous' | 'resident' | 'staff' | 'analyst' | 'service', string | undefined>;

beforeAll(async () => {
  stack = await startStack();
  tokens = {
    anonymous: undefined,
    resident: await stack.token({ roles: ['RESIDENT'], residentId: '65a1b2c3d4e5f6a7b8c9d0e1' }),
    staff: await stack.token({ roles: ['STREET_ADMIN'], scope: ['65a1b2c3d4e5f6a7b8c9d0e2'] }),
    analyst: await stack.token({ roles: ['ANALYST'], subject: 'analyst:1' }),
    service: await stack.token({ roles: ['SERVICE'], subject: 'service:test' }),
  };
});

afterAll(() => stack.stop());

async function post(query: string, token?: string) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

/** Database commands of every subgraph: a refused query must cause none. */
const commandsSent = () => Object.values(stack.commands()).flat().length;

const aliased = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
const WISHES_PAGE = 'wishes(first: 100) { edges { node { title requester { name } grid { name } } } }';

describe('introspection', () => {
  it.each(['anonymous', 'resident', 'staff', 'analyst', 'service'] as const)('passes every cap for a caller of role %s', async (role) => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const response = await post(query, tokens[role]);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect((response.body.data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe('Query');
  });
});

describe('caps and budgets', () => {
  it('refuses 20 aliases of wishes(first: 100) to an anonymous caller, sending nothing to any subgraph', async () => {
    stack.resetCommands();
    expect(await post(aliased(20, WISHES_PAGE))).toEqual({ status: 400, body: refusalBody(overCap('anonymous', 'aliases', 10, 20)) });
    expect(commandsSent()).toBe(0);
  });

  it('refuses the same query to staff by its cost: 20 × (1 + 100 × 13)', async () => {
    stack.resetCommands();
    expect(await post(aliased(20, WISHES_PAGE), tokens.staff)).toEqual({ status: 400, body: refusalBody(overBudget('staff', 26020, 25000)) });
    expect(commandsSent()).toBe(0);
  });

  it('refuses 300 aliases of organisations(first: 100) by their tokens before parsing them, and by aliases to an analyst', async () => {
    stack.resetCommands();
    const query = aliased(300, 'organisations(first: 100) { edges { node { name } } }');
    expect(await post(query)).toEqual({ status: 400, body: refusalBody(overCap('anonymous', 'tokens', 1000)) });
    expect((await post(query, tokens.analyst)).body.errors).toEqual([answeredError(overCap('analyst', 'aliases', 50, 300))]);
    expect(commandsSent()).toBe(0);
  });

  it('refuses a query nested deeper than the caller may', async () => {
    const query = `{ organisations(first: 1) { edges { node { ${'parent { '.repeat(9)}name${' }'.repeat(9)} } } } }`;
    expect((await post(query)).body.errors).toEqual([answeredError(overCap('anonymous', 'depth', 12, 13))]);
    expect((await post(query, tokens.staff)).status).toBe(200);
  });

  it('allows an analyst a query that costs more than a resident’s budget', async () => {
    const query = aliased(4, WISHES_PAGE);
    expect(await post(query, tokens.resident)).toEqual({ status: 400, body: refusalBody(overBudget('resident', 5204, 5000)) });
    const empty = { edges: [] };
    expect(await post(query, tokens.analyst)).toEqual({ status: 200, body: { data: { a0: empty, a1: empty, a2: empty, a3: empty } } });
  });

  it('answers a query within the budget', async () => {
    expect(await post('{ organisations(first: 100) { totalCount } }')).toEqual({ status: 200, body: { data: { organisations: { totalCount: 0 } } } });
  });
});
