import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, PUBLISH, WishWorld } from './support/wish-world.ts';

// 50 volunteers claim one wish at the same moment, through the gateway: exactly one wins.
const clock = new ManualClock(new Date('2026-04-01T02:00:00.000Z'));
let stack: Stack;
let world: World;
let wishes: WishWorld;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
}, 120_000);

afterAll(() => stack.stop());

it('lets exactly one of 50 concurrent claims win; the other 49 get CONFLICT', async () => {
  const gridId = await world.aMicroGrid();
  const requesterId = await world.aResident(await world.aHousehold(gridId), { name: '林桂兰' });
  const wish = await wishes.submit({ communityId: world.communityId, gridId, title: '帮忙修理漏水的水龙头' }, await wishes.residentToken(requesterId));
  await wishes.must(PUBLISH, { id: wish.id }, await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]));
  const volunteers = [];
  for (let n = 0; n < 50; n++) volunteers.push(await wishes.aVolunteer(gridId, '志愿者'));
  clock.advance(25 * 3_600_000);

  const results = await Promise.all(volunteers.map((volunteer) => wishes.act(CLAIM, { id: wish.id }, volunteer.token)));
  const winners = results.filter((result) => result.errors.length === 0);
  const codes = results.flatMap((result) => result.errors.map((error) => error.extensions?.code));
  expect(winners.length).toBe(1);
  expect(codes).toEqual(Array.from({ length: 49 }, () => 'CONFLICT'));

  const winner = volunteers.find((volunteer) => volunteer.id === winners[0]!.wish!.claimant!.id)!;
  const stored = await wishes.act('query($id: ID!){ wish(id: $id) {WISH} }', { id: wish.id }, winner.token);
  expect(stored.wish!.claimant).toEqual({ __typename: 'Resident', id: winner.id });
  expect(stored.wish!.timeline.filter((entry) => entry.action === 'CLAIM').length).toBe(1);
});
