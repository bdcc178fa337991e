import { afterAll, beforeAll, expect, it } from 'vitest';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { CLAIM, CONFIRM, FULFIL, PUBLISH, START, WishWorld, wishInput, type WishView } from './support/wish-world.ts';
import { emptyText, notWholeNumberInRange, textTooLong, unknownId } from '@civic/service-kit';
import { claimWithoutClaimerRole, gridInAnotherCommunity } from '../src/errors.ts';

// Bad input and a claim by someone not allowed: a clear error naming the field, nothing written.
let stack: Stack;
let world: World;
let wishes: WishWorld;
let gridId: string;
let requesterToken: string;
let wish: WishView;

const SUBMIT = 'mutation($input: SubmitWishInput!){ submitWish(input: $input) { id } }';

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph] });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  gridId = await world.aMicroGrid();
  const requesterId = await world.aResident(await world.aHousehold(gridId), { name: '周德明' });
  requesterToken = await wishes.residentToken(requesterId);
  wish = await wishes.submit({ communityId: world.communityId, gridId }, requesterToken);
}, 120_000);

afterAll(() => stack.stop());

const wishCount = () => (stack.subgraph('wishes').models as unknown as { Wish: { countDocuments(): Promise<number> } }).Wish.countDocuments();

async function submitError(input: Record<string, unknown>) {
  const response = await stack.query(SUBMIT, { input }, { token: requesterToken });
  return response.errors.map(summaryOf);
}

it('refuses an unknown grid, a grid of another community, an empty title and an over-long description', async () => {
  const otherCommunity = await wishes.anOrganisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', world.streetId);
  const otherGrid = (
    await world.mutate<{ createGrid: { id: string } }>('mutation($input: CreateGridInput!){ createGrid(input: $input) { id } }', {
      input: { name: '滨江社区网格', level: 'COMMUNITY', communityId: otherCommunity },
    })
  ).createGrid.id;
  const base = wishInput({ communityId: world.communityId, gridId });

  expect(await submitError({ ...base, gridId: '650000000000000000000001' })).toEqual([
    summaryOf(unknownId('gridId', 'grid')),
  ]);
  expect(await submitError({ ...base, gridId: otherGrid })).toEqual([
    summaryOf(gridInAnotherCommunity()),
  ]);
  expect(await submitError({ ...base, title: '   ' })).toEqual([summaryOf(emptyText('title'))]);
  expect(await submitError({ ...base, description: '很'.repeat(1001) })).toEqual([
    summaryOf(textTooLong('description', 1000)),
  ]);
  expect(await wishCount()).toBe(1);
});

it('refuses a rating of 6 and a claim by someone not allowed, leaving the wish as it was', async () => {
  const workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  await wishes.must(PUBLISH, { id: wish.id }, workerToken);
  // A resident who is neither volunteer nor party member may not claim.
  const bystanderId = await world.aResident(await world.aHousehold(gridId), { name: '吴晓东' });
  const bystander = await wishes.act(CLAIM, { id: wish.id }, await wishes.residentToken(bystanderId));
  expect(bystander.errors.map(summaryOf)).toEqual([summaryOf(claimWithoutClaimerRole())]);

  // The grid's party branch claims (its staff act for it), fulfils by a member; the requester rates 6.
  const branchToken = await wishes.staffToken('COMMUNITY_WORKER', [world.branchId]);
  await wishes.must(CLAIM, { id: wish.id, org: world.branchId }, branchToken);
  await wishes.must(START, { id: wish.id }, branchToken);
  const fulfilled = await wishes.must(FULFIL, { id: wish.id, servedBy: [await wishes.aBranchMember(gridId)] }, branchToken);
  const rated = await wishes.act(CONFIRM, { id: wish.id, rating: 6 }, requesterToken);
  expect(rated.errors.map(summaryOf)).toEqual([
    summaryOf(notWholeNumberInRange('rating', 1, 5)),
  ]);
  const after = await wishes.act('query($id: ID!){ wish(id: $id) {WISH} }', { id: wish.id }, requesterToken);
  expect(after.wish).toEqual(fulfilled);
});
