import { afterAll, beforeAll, expect, it } from 'vitest';
import { aWorld, startStack, type Stack, commandCounts } from '@civic/test-harness';

// No N+1: a page of 100 residents with their households, grids and activities costs one database
// command per entity type per level, whatever the page length.
let stack: Stack;
let token: string;
let communityId: string;
let signedUp = 0;

beforeAll(async () => {
  stack = await startStack();
  const world = await aWorld(stack);
  communityId = world.communityId;
  token = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [communityId] });
  const grids = [await world.aMicroGrid(), await world.aMicroGrid()];
  const activities = [await world.anActivity({ title: '义诊进社区' }), await world.anActivity({ title: '垃圾分类宣传' })];
  for (let h = 0; h < 50; h++) {
    const household = await world.aHousehold(grids[h % 2]!);
    for (let r = 0; r < 2; r++) {
      const resident = await world.aResident(household);
      if ((h + r) % 3 === 0) {
        await world.signUp(resident, activities[(h + r) % 2]!);
        signedUp += 1;
      }
    }
  }
}, 240_000);

afterAll(() => stack.stop());


it('reads 100 residents with households, grids and activities in one command per type per level', async () => {
  stack.resetCommands();
  const response = await stack.query<{ residents: { edges: { node: { household: { building: string }; grid: { level: string }; activities: { totalCount: number } } }[] } }>(
    `query($community: ID!) {
      residents(filter: { communityId: $community }, first: 100) {
        edges { node { name household { building unit } grid { name level } activities { totalCount edges { node { title } } } } }
      }
    }`,
    { community: communityId },
    { token },
  );
  expect(response.errors).toEqual([]);
  const residents = response.data!.residents.edges.map((edge) => edge.node);
  expect(residents.length).toBe(100);
  expect(residents.filter((resident) => resident.grid.level === 'MICRO').length).toBe(100);
  expect(signedUp).toBe(33);
  expect(residents.filter((resident) => resident.activities.totalCount === 1).length).toBe(signedUp);

  const commands = stack.commands();
  console.log(`database commands for 100 residents with households, grids and activities: ${JSON.stringify(commands)}`);
  expect(commandCounts(commands.residents!)).toEqual({ 'find residents': 1, 'find households': 1 });
  // Sign-ups: one page aggregate, then one count aggregate for the residents with no activity to load and one for the others.
  expect(commandCounts(commands.organisations!)).toEqual({ 'find grids': 1, 'aggregate activity_sign_ups': 3, 'find activities': 1 });
});
