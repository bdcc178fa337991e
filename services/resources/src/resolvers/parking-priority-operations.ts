import { invalidTransition, loadForInput, loadReferenced, requireRole, requireSignedIn } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { priorityPrice, priorityViolation, spendingReason } from '../domain/parking-priority.ts';
import { waitingPositions } from '../domain/parking-rules.ts';
import { PARKING_APPLICATION_FIELDS, type ParkingApplicationDocument } from '../models/parking-application.ts';
import { startSaga } from '../persistence/priority-sagas.ts';
import { recoverPrioritySagas, runPrioritySaga } from '../sagas/parking-priority.ts';
import { rejectRuleError } from '../inputs/rule-errors.ts';
import {
  pointsNotSpent,
  priorityNotGranted,
  priorityRefundPending,
  prioritySpendingUnderWay,
  recoverPrioritySpendingsRefused,
  spendPointsOnAnotherApplication,
} from '../errors.ts';

export const parkingPriorityMutations: MutationResolvers = {
  spendPointsForParkingPriority: async (_parent, { applicationId, places }, context) => {
    const { viewer, models, loaders, clock } = context;
    requireSignedIn(viewer);
    const application = await loadForInput(loaders.parkingApplication, 'applicationId', applicationId, 'parking application');
    if (viewer.residentId !== application.applicantId.toHexString()) throw spendPointsOnAnotherApplication();
    if (application.status !== 'WAITING') throw invalidTransition('ParkingApplication', application.status, 'move up the waiting list');
    const resource = await loadReferenced(loaders.resource, application.resourceId, 'Resource');
    const waiting = (await loaders.applicationsOfResource.load(resource._id.toHexString())).filter((other) => other.status === 'WAITING');
    const position = waitingPositions(waiting).get(application._id.toHexString())!;
    rejectRuleError(priorityViolation({ places, position, placesBought: application.priorityPlaces }));

    const saga = await startSaga(models, {
      applicationId: application._id,
      resourceId: resource._id,
      servedPath: application.servedPath,
      applicantId: application.applicantId,
      places,
      points: priorityPrice(places),
      reason: spendingReason(resource.title, places),
      startedAt: clock.now(),
    });
    if (!saga) throw prioritySpendingUnderWay();
    const finished = await runPrioritySaga(context, saga);
    switch (finished.state) {
      case 'PRIORITY_GRANTED':
        return (await models.ParkingApplication.findById(application._id, PARKING_APPLICATION_FIELDS).lean<ParkingApplicationDocument>())!;
      case 'FAILED':
        throw pointsNotSpent(finished.failure!);
      case 'COMPENSATED':
        throw priorityNotGranted(finished.failure!);
      default:
        throw priorityRefundPending(finished.failure ?? 'the spending was taken over by the recovery pass');
    }
  },

  recoverParkingPrioritySpendings: (_parent, _args, context) => {
    requireRole(context.viewer, recoverPrioritySpendingsRefused, 'DISTRICT_ADMIN', 'SERVICE');
    return recoverPrioritySagas(context);
  },
};
