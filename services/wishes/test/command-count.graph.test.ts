import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommandRecord } from '@civic/service-kit';
import { aWorld, startStack, type Stack } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, PUBLISH, WishWorld } from './support/wish-world.ts';

// No N+1: a page of 50 wishes with requester, claimant (resident or organisation) and grid costs
// one database command per entity type per level, whatever the page length.
let stack: Stack;
let token: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph] });
  const world = await aWorld(stack);
  const wishes = new WishWorld(stack, world);
  token = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  const grids = [await world.aMicroGrid(), await world.aMicroGrid()];
  const branchToken = await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]);
  for (let n = 0; n < 50; n++) {
    const gridId = grids[n % 2]!;
    const requesterId = await world.aResident(await world.aHousehold(gridId));
    const wish = await wishes.submit({ communityId: world.communityId, gridId, title: `第${n + 1}个微心愿` }, await wishes.residentToken(requesterId));
    await wishes.must(PUBLISH, { id: wish.id }, token);
    // A third claimed by the grid's party branch, a third not claimed, a third left to residents below.
    if (n % 3 === 0) await wishes.must(CLAIM, { id: wish.id, org: world.branchId }, branchToken);
  }
}, 240_000);

afterAll(() => stack.stop());

function byCommand(records: CommandRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) counts[`${record.name} ${record.collection}`] = (counts[`${record.name} ${record.collection}`] ?? 0) + 1;
  return counts;
}

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
  expect(nodes.every((node) => node.requester.name.length >= 2 && node.grid.name.endsWith('微网格'))).toBe(true);

  const commands = stack.commands();
  const counts = { wishes: byCommand(commands.wishes!), residents: byCommand(commands.residents!), organisations: byCommand(commands.organisations!) };
  console.log('database commands for a page of 50 wishes with requester, claimant and grid:', JSON.stringify(counts));
  expect(counts).toEqual({
    wishes: { 'find wishes': 1 },
    residents: { 'find residents': 1 },
    organisations: { 'find organisations': 1, 'find grids': 1 },
  });
});
