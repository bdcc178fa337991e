import { inTransaction } from '@civic/service-kit';
import { keyAhead, priorityViolation } from '../domain/parking-priority.ts';
import { byQueueOrder, queueKeyOf } from '../domain/parking-rules.ts';
import type { Models } from '../models/index.ts';
import type { ParkingApplicationDocument } from '../models/parking-application.ts';
import type { ParkingPrioritySagaDocument } from '../models/parking-priority-saga.ts';
import { moveSaga } from './priority-sagas.ts';

/** Why a paid-for priority could not be granted: the saga then gives the points back. */
export type GrantOutcome = { granted: true } | { granted: false; refusal: string } | { granted: false; sagaMovedOn: true };

/**
 * Grants what a saga paid for, in one transaction with the saga's completion: the application,
 * still waiting and with room under the cap, takes the queue key `places` ahead of where it stands,
 * and the saga moves from POINTS_DEDUCTED to PRIORITY_GRANTED. Both are conditional, read in one
 * snapshot: a release, an allocation or another grant committed meanwhile is a write conflict on
 * which the transaction runs again, and a saga another mover finished grants nothing.
 */
export function grantPriority(models: Models, saga: ParkingPrioritySagaDocument, now: Date): Promise<GrantOutcome> {
  return inTransaction(models.ParkingApplication.db, async (session): Promise<GrantOutcome> => {
    const waiting = await models.ParkingApplication.find({ resourceId: saga.resourceId, status: 'WAITING' }, { appliedAt: 1, queueKey: 1, priorityPlaces: 1 })
      .session(session)
      .lean<Pick<ParkingApplicationDocument, '_id' | 'appliedAt' | 'queueKey' | 'priorityPlaces'>[]>();
    const inOrder = waiting.sort(byQueueOrder);
    const index = inOrder.findIndex((application) => application._id.equals(saga.applicationId));
    if (index < 0) return { granted: false, refusal: 'the application is no longer waiting' };
    const application = inOrder[index]!;
    const violation = priorityViolation({ places: saga.places, position: index + 1, placesBought: application.priorityPlaces });
    if (violation) return { granted: false, refusal: `places ${violation.message}` };

    const completed = await moveSaga(models, saga._id, 'POINTS_DEDUCTED', 'PRIORITY_GRANTED', now, { session });
    if (!completed) return { granted: false, sagaMovedOn: true };
    const moved = await models.ParkingApplication.updateOne(
      { _id: application._id, status: 'WAITING', priorityPlaces: application.priorityPlaces },
      { $set: { queueKey: keyAhead(inOrder.map(queueKeyOf), index, saga.places) }, $inc: { priorityPlaces: saga.places } },
      { session },
    );
    // Read in this snapshot, so it still matches unless the snapshot is stale: then nothing commits.
    if (moved.modifiedCount !== 1) throw new Error(`Parking application ${application._id.toHexString()} changed inside the grant's snapshot`);
    return { granted: true };
  });
}
