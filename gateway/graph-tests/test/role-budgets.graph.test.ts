import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredError, DEFAULT_QUERY_CAPS, overBudget, type CallerTier, type QueryCapsByTier } from '@civic/gateway';
import { startStack, type Stack } from '@civic/test-harness';

// Small budgets, one per role, so that a page of organisations crosses each: its cost is 1 + 3 × first.
const BUDGETS: Record<CallerTier, number> = { anonymous: 40, resident: 80, staff: 160, analyst: 300, service: 300 };
const CAPS = Object.fromEntries(Object.entries(DEFAULT_QUERY_CAPS).map(([tier, caps]) => [tier, { ...caps, costBudget: BUDGETS[tier as CallerTier] }])) as QueryCapsByTier;
const PAGE = (first: number) => `{ organisations(first: ${first}) { edges { node { name } } } }`;

let stack: Stack;
let tokens: Record<CallerTier, string | undefined>;

beforeAll(async () => {
  stack = await startStack({ gateway: { queryCaps: CAPS } });
  tokens = {
    anonymous: undefined,
    resident: await stack.token({ roles: ['RESIDENT'], residentId: '65a1b2c3d4e5f6a7b8c9d0e1' }),
    staff: await stack.token({ roles: ['COMMUNITY_WORKER'], scope: ['65a1b2c3d4e5f6a7b8c9d0e2'] }),
    analyst: await stack.token({ roles: ['ANALYST'], subject: 'analyst:1' }),
    service: await stack.token({ roles: ['SERVICE'], subject: 'service:test' }),
  };
});

afterAll(() => stack.stop());

describe.each(Object.keys(BUDGETS) as CallerTier[])('a caller of role %s', (tier) => {
  const budget = BUDGETS[tier];
  const largestPage = Math.floor((budget - 1) / 3);

  it(`is answered a page that costs at most ${budget}`, async () => {
    const response = await stack.query(PAGE(largestPage), {}, { token: tokens[tier] });
    expect(response).toEqual({ status: 200, data: { organisations: { edges: [] } }, errors: [] });
  });

  it('is refused one more organisation, with the cost and the budget', async () => {
    stack.resetCommands();
    const cost = 1 + 3 * (largestPage + 1);
    const response = await stack.query(PAGE(largestPage + 1), {}, { token: tokens[tier] });
    expect(response).toEqual({ status: 400, data: null, errors: [answeredError(overBudget(tier, cost, budget))] });
    expect(Object.values(stack.commands()).flat()).toEqual([]);
  });
});
