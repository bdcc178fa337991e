import { afterAll, beforeAll, expect, it } from 'vitest';
import { aWorld, startStack, type Stack } from '@civic/test-harness';

// One department down must not take the graph down: the others' fields still answer.
let stack: Stack;
let token: string;
let residentId: string;

beforeAll(async () => {
  stack = await startStack();
  const world = await aWorld(stack);
  residentId = await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '刘芳' });
  token = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  await stack.subgraph('organisations').stop();
});

afterAll(() => stack.stop());

it('answers the residents fields and names the organisations subgraph as unavailable', async () => {
  const response = await stack.query(`query($id: ID!) { resident(id: $id) { name activities { edges { node { title } } } } }`, { id: residentId }, { token });
  expect(response.data).toEqual({ resident: { name: '刘芳', activities: null } });
  expect(response.errors.map((e) => [e.message, e.extensions?.code, e.extensions?.serviceName])).toEqual([
    ['The organisations subgraph is unavailable', 'SUBGRAPH_UNAVAILABLE', 'organisations'],
  ]);
});
