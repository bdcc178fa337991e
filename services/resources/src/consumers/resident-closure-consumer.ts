import type { EventConsumer } from '@civic/events';
import { closedResidentOf, type SubgraphServices } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { removeClosedResident } from '../persistence/resident-closure.ts';

export const RESIDENT_CLOSURE_CONSUMER = 'resources-resident-closure';

/**
 * A closed account leaves the pools with their accounts and without the person: bookings keep the
 * resource, times, quantity and status (the booker, who booked and the note go); parking
 * applications keep their times and place history, open ones are closed and the queue moves, and
 * the applicant becomes a fresh random id (the unique index of open applications needs one);
 * disbursements keep fund, amount, reason, state and dates for the fund's
 * accounts, the recipient goes, and a proposal not yet decided is rejected.
 */
export const residentClosureConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: RESIDENT_CLOSURE_CONSUMER,
  kinds: ['resident.closed'],
  async apply(event, { models }, session) {
    await removeClosedResident(models, closedResidentOf(event), new Date(event.occurredAt), RESIDENT_CLOSURE_CONSUMER, session);
  },
};
