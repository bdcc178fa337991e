import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, type Stack, commandCounts } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, PUBLISH, WishWorld } from './support/wish-world.ts';

// No N+1: a page of 50 wishes with requester, claimant (resident or organisation) and grid costs
// one database command per entity fetch the gateway plans, whatever the page length. Requesters
// and resident claimants sit on two paths, so the gateway fetches them from residents in two
// batched requests: two commands there.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
let stack: Stack;
let token: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  const world = await aWorld(stack);
  const wishes = new WishWorld(stack, world);
  token = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  const grids = [await world.aMicroGrid(), await world.aMicroGrid()];
  const branchToken = await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]);
  const volunteers = [await wishes.aVolunteer(grids[0]!, '李志强'), await wishes.aVolunteer(grids[1]!, '张丽华')];
  const forVolunteers: string[] = [];
  for (let n = 0; n < 50; n++) {
    const gridId = grids[n % 2]!;
    const requesterId = await world.aResident(await world.aHousehold(gridId));
    const wish = await wishes.submit({ communityId: world.communityId, gridId, title: `第${n + 1}个微心愿` }, await wishes.residentToken(requesterId));
    await wishes.must(PUBLISH, { id: wish.id }, token);
    // A third claimed by the grid's party branch at once, a third by volunteers once the whole
    // community may claim, a third not claimed.
    if (n % 3 === 0) await wishes.must(CLAIM, { id: wish.id, org: world.branchId }, branchToken);
    if (n % 3 === 1) forVolunteers.push(wish.id);
  }
  clock.advance(25 * HOUR);
  for (const [n, id] of forVolunteers.entries()) await wishes.must(CLAIM, { id }, volunteers[n % 2]!.token);
}, 240_000);

afterAll(() => stack.stop());


it('reads 50 wishes with requester, claimant and grid in one command per type per level', async () => {
  stack.resetCommands();
  const response = await stack.query<{ wishes: { edges: { node: { requester: { name: string }; claimant: { name: string } | null; grid: { name: string } } }[] } }>(
    `{ wishes(first: 50) { edges { node {
        title requester { name } grid { name }
        claimant { ... on Resident { name } ... on Organisation { name } }
    } } } }`,
    {},
    { token },
  );
  expect(response.errors).toEqual([]);
  const nodes = response.data!.wishes.edges.map((edge) => edge.node);
  expect(nodes.length).toBe(50);
  expect(nodes.filter((node) => node.claimant?.name === '新城社区第一党支部').length).toBe(17);
  expect(nodes.filter((node) => node.claimant?.name === '李志强' || node.claimant?.name === '张丽华').length).toBe(17);
  expect(nodes.every((node) => node.requester.name.length >= 2 && node.grid.name.endsWith('微网格'))).toBe(true);

  const commands = stack.commands();
  const counts = { wishes: commandCounts(commands.wishes!), residents: commandCounts(commands.residents!), organisations: commandCounts(commands.organisations!) };
  console.log('database commands for a page of 50 wishes with requester, claimant and grid:', JSON.stringify(counts));
  expect(counts).toEqual({
    wishes: { 'find wishes': 1 },
    residents: { 'find residents': 2 },
    organisations: { 'find organisations': 1, 'find grids': 1 },
  });
});
