import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, OutboxReader, RACE_TIMEOUT, repeatRace, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, PUBLISH, WishWorld } from './support/wish-world.ts';
import { CLAIM_REFUSALS } from './support/claim-refusals.ts';

// Volunteers claim one wish at the same moment, through the gateway: exactly one wins.
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

it('lets exactly one of 10 concurrent claims win, round after round; the others are refused', async () => {
  const gridId = await world.aMicroGrid();
  const requesterId = await world.aResident(await world.aHousehold(gridId), { name: '林桂兰' });
  const requester = await wishes.residentToken(requesterId);
  const worker = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  const volunteers: { id: string; token: string }[] = [];
  for (let n = 0; n < 10; n++) volunteers.push(await wishes.aVolunteer(gridId, '志愿者'));
  const outbox = new OutboxReader(stack, 'wishes');

  await repeatRace(async (round) => {
    const wish = await wishes.submit({ communityId: world.communityId, gridId, title: `帮忙修理漏水的水龙头（第${round}户）` }, requester);
    await wishes.must(PUBLISH, { id: wish.id }, worker);
    clock.advance(25 * 3_600_000);
    await outbox.newEvents();

    const results = await Promise.all(volunteers.map((volunteer) => wishes.act(CLAIM, { id: wish.id }, volunteer.token)));
    const winners = results.filter((result) => result.errors.length === 0);
    expect(winners.length).toBe(1);
    const refusals = results.flatMap((result) => result.errors.map(summaryOf));
    expect(refusals.length).toBe(9);
    for (const refusal of refusals) expect(CLAIM_REFUSALS).toContainEqual(refusal);

    const winner = volunteers.find((volunteer) => volunteer.id === winners[0]!.wish!.claimant!.id)!;
    const stored = await wishes.act('query($id: ID!){ wish(id: $id) {WISH} }', { id: wish.id }, winner.token);
    expect(stored.wish!.claimant).toEqual({ __typename: 'Resident', id: winner.id });
    expect(stored.wish!.timeline.filter((entry) => entry.action === 'CLAIM').length).toBe(1);
    // Only the winner's claim is told: the refused ones wrote no event.
    const told = await outbox.newEvents();
    expect(told.map((event) => [event.kind, event.facts])).toEqual([['wish.claimed', { wishId: wish.id, requesterId, claimant: { type: 'Resident', id: winner.id }, communityId: world.communityId }]]);
  });
}, RACE_TIMEOUT);
