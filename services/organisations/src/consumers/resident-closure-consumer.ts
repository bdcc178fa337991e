import type { EventConsumer } from '@civic/events';
import { closedResidentOf, replaceWithFreshIds, type SubgraphServices } from '@civic/service-kit';
import type { Models } from '../models/index.ts';

export const RESIDENT_CLOSURE_CONSUMER = 'organisations-resident-closure';

/**
 * A closed account leaves activities with their places and hours and without the person: each
 * sign-up and check-in keeps its activity, time and hours (so signedUpCount and the hours served
 * stay right) and gets a fresh random resident id (the unique index per activity and resident needs
 * one) and `anonymisedAt`, which keeps it out of participant lists. A grid the person was
 * responsible for has no responsible person until staff name one. The household visits they
 * recorded stay in their mobilisations, recorded by no one (no unique index needs the id).
 */
export const residentClosureConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: RESIDENT_CLOSURE_CONSUMER,
  kinds: ['resident.closed'],
  async apply(event, { models }, session) {
    const residentId = closedResidentOf(event);
    const anonymisedAt = new Date(event.occurredAt);
    await replaceWithFreshIds(models.ActivitySignUp, { residentId }, 'residentId', { anonymisedAt }, session);
    await replaceWithFreshIds(models.ActivityCheckIn, { residentId }, 'residentId', { anonymisedAt }, session);
    await models.Grid.updateMany({ responsiblePersonId: residentId }, { $set: { responsiblePersonId: null } }, { session });
    await models.HouseholdVisit.updateMany({ recordedById: residentId }, { $set: { recordedById: null, anonymisedAt } }, { session });
  },
};
