import type { BenchWorld } from '../bench-world.ts';
import { inParallel } from '../in-parallel.ts';
import type { Scenario } from '../scenario.ts';
import { submitWishOperation } from './submit-wish.ts';

const SET_CLAIM_WINDOWS = `mutation OpenClaimsToCommunity($input: CommunityWishSettingsInput!) {
  setCommunityWishSettings(input: $input) { gridWindowHours }
}`;
const PUBLISH = 'mutation Publish($id: ID!) { publishWish(id: $id) { id status } }';
const CLAIM = 'mutation ClaimWish($id: ID!) { claimWish(id: $id) { id status } }';
// Setup goes as fast as the graph lets it; only the claims are measured.
const SETUP_CONCURRENCY = 4;

/**
 * A volunteer of the community claims a wish just published: each request a wish of its own,
 * submitted by a neighbour and published by the street beforehand. The community opens claims to
 * all its residents at once (a grid window of 0 hours, which a community may choose), because a
 * benchmark cannot wait the default 24 hours in which only the wish's own grid may claim.
 */
export async function claimWishScenario(world: BenchWorld): Promise<Scenario> {
  await world.setUp('opening claims to the whole community', {
    query: SET_CLAIM_WINDOWS,
    variables: { input: { communityId: world.communityId, gridWindowHours: 0, communityWindowHours: 72, autoConfirmDays: 7 } },
  });
  let submitted = 0;
  return {
    name: 'claim a wish, volunteer',
    kind: 'write',
    subgraph: 'wishes',
    prepare(count) {
      return inParallel(count, SETUP_CONCURRENCY, async () => {
        const serial = submitted++;
        const resident = world.residents[serial % world.residents.length]!;
        const { submitWish } = await world.setUp<{ submitWish: { id: string } }>('submitting a wish to claim', submitWishOperation(world, resident, serial), await world.residentCaller(resident.id));
        await world.setUp('publishing a wish to claim', { query: PUBLISH, variables: { id: submitWish.id } });
        return { operation: { query: CLAIM, variables: { id: submitWish.id } }, caller: world.volunteer.caller };
      });
    },
  };
}
