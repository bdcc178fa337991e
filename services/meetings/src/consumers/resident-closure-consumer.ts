import type { EventConsumer } from '@civic/events';
import { closedResidentOf, replaceWithFreshIds, type SubgraphServices } from '@civic/service-kit';
import type { Models } from '../models/index.ts';

export const RESIDENT_CLOSURE_CONSUMER = 'meetings-resident-closure';

/**
 * A closed account leaves meetings and micro-projects with their counts and without the person:
 * each invitation keeps its meeting, role, reply and attendance (quorum and attendance counts stay)
 * and each vote its project and time (the vote count stays), and both get a fresh random resident
 * id (the unique indexes per meeting and per project need one) and `anonymisedAt`, which makes the
 * invitation's resident null.
 */
export const residentClosureConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: RESIDENT_CLOSURE_CONSUMER,
  kinds: ['resident.closed'],
  async apply(event, { models }, session) {
    const residentId = closedResidentOf(event);
    const anonymisedAt = new Date(event.occurredAt);
    await replaceWithFreshIds(models.Participant, { residentId }, 'residentId', { anonymisedAt }, session);
    await replaceWithFreshIds(models.MicroProjectVote, { residentId }, 'residentId', { anonymisedAt }, session);
  },
};
