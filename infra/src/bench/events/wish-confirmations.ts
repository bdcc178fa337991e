import type { BenchWorld } from '../bench-world.ts';
import { inParallel } from '../in-parallel.ts';
import { submitWishOperation } from '../writes/submit-wish.ts';
import type { EventSource } from './event-source.ts';

const PUBLISH = 'mutation Publish($id: ID!) { publishWish(id: $id) { id } }';
const CLAIM = 'mutation Claim($id: ID!) { claimWish(id: $id) { id } }';
const FULFIL = 'mutation Fulfil($id: ID!) { fulfilWish(id: $id) { id } }';
const CONFIRM = 'mutation Confirm($id: ID!) { confirmWish(id: $id, rating: 5) { id status } }';
const SETUP_CONCURRENCY = 4;

/**
 * `count` confirmations (wish.confirmed, which earns the claimant 微星光 and tells them so): each a
 * wish of its own, submitted by a neighbour, published by the street, claimed and fulfilled by the
 * community's volunteer beforehand; the requester confirms it with five stars. Claims are open to
 * the whole community (the claim scenario set that up).
 */
export async function prepareWishConfirmations(world: BenchWorld, count: number): Promise<EventSource> {
  const volunteer = world.volunteer.caller;
  const requests = await inParallel(count, SETUP_CONCURRENCY, async (serial) => {
    const resident = world.residents[serial % world.residents.length]!;
    const requester = await world.residentCaller(resident.id);
    const { submitWish } = await world.setUp<{ submitWish: { id: string } }>('submitting a wish to confirm', submitWishOperation(world, resident, serial), requester);
    const variables = { id: submitWish.id };
    await world.setUp('publishing a wish to confirm', { query: PUBLISH, variables });
    await world.setUp('claiming a wish to confirm', { query: CLAIM, variables }, volunteer);
    await world.setUp('fulfilling a wish to confirm', { query: FULFIL, variables }, volunteer);
    return { operation: { query: CONFIRM, variables }, caller: requester };
  });
  return { name: 'confirm a fulfilled wish', kind: 'wish.confirmed', requests, readyAt: new Date() };
}
