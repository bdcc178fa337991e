import type { SubgraphServices } from '@civic/service-kit';
import { refundReason } from '../domain/parking-priority.ts';
import { OPEN_SAGA_STATES, recoveryStep, type SagaState } from '../domain/priority-saga.ts';
import { refundPoints, spendPoints, type PointsSpendingCall } from '../graph/residents.ts';
import type { Models } from '../models/index.ts';
import { PARKING_PRIORITY_SAGA_FIELDS, type ParkingPrioritySagaDocument } from '../models/parking-priority-saga.ts';
import { grantPriority } from '../persistence/priority-grant.ts';
import { moveSaga, readSaga } from '../persistence/priority-sagas.ts';

/**
 * Runs the parking priority saga (domain/priority-saga.ts): spend the points through the graph,
 * grant the places here, and refund when the grant fails. Each step is idempotent or conditional,
 * so the request and the recovery pass may both work on one saga and each effect happens once.
 */

type Services = SubgraphServices<Models>;

const UNANSWERED_SPEND = 'the points ledger did not answer the spending';
const LEFT_UNFINISHED = 'left unfinished before the spending was confirmed';

/** Runs a STARTED saga as far as it goes now; answers the saga as it stands after. */
export async function runPrioritySaga(services: Services, saga: ParkingPrioritySagaDocument): Promise<ParkingPrioritySagaDocument> {
  const spent = await spendPoints(services.graph, spendingCall(saga));
  if ('refused' in spent) return (await moveSaga(services.models, saga._id, 'STARTED', 'FAILED', services.clock.now(), { failure: spent.refused })) ?? current(services, saga);
  if ('unanswered' in spent) return compensate(services, saga, 'STARTED', UNANSWERED_SPEND);
  const deducted = await moveSaga(services.models, saga._id, 'STARTED', 'POINTS_DEDUCTED', services.clock.now());
  // Recovery took it over meanwhile, and compensates: what it answers stands.
  if (!deducted) return current(services, saga);
  return grantOrCompensate(services, deducted);
}

async function grantOrCompensate(services: Services, saga: ParkingPrioritySagaDocument): Promise<ParkingPrioritySagaDocument> {
  const outcome = await grantPriority(services.models, saga, services.clock.now());
  if ('refusal' in outcome) return compensate(services, saga, 'POINTS_DEDUCTED', outcome.refusal);
  return current(services, saga);
}

/** Moves the saga from `from` to COMPENSATING, then refunds. */
async function compensate(services: Services, saga: ParkingPrioritySagaDocument, from: SagaState, failure: string): Promise<ParkingPrioritySagaDocument> {
  const compensating = await moveSaga(services.models, saga._id, from, 'COMPENSATING', services.clock.now(), { failure });
  if (!compensating) return current(services, saga);
  return refund(services, compensating);
}

/**
 * Gives back what the saga spent, or voids its reference if the spending never landed (so a late
 * one is refused). Until the ledger confirms, the saga stays COMPENSATING for the recovery pass.
 */
async function refund(services: Services, saga: ParkingPrioritySagaDocument): Promise<ParkingPrioritySagaDocument> {
  const refunded = await refundPoints(services.graph, { ...spendingCall(saga), reason: refundReason(saga.reason) });
  if (!('done' in refunded)) {
    services.logger.warn({ sagaId: saga._id.toHexString(), refund: refunded }, 'parking priority refund not confirmed; the recovery pass tries again');
    return saga;
  }
  return (await moveSaga(services.models, saga._id, 'COMPENSATING', 'COMPENSATED', services.clock.now())) ?? current(services, saga);
}

function spendingCall(saga: ParkingPrioritySagaDocument): PointsSpendingCall {
  return { reference: saga._id.toHexString(), residentId: saga.applicantId.toHexString(), points: saga.points, reason: saga.reason };
}

async function current(services: Services, saga: ParkingPrioritySagaDocument): Promise<ParkingPrioritySagaDocument> {
  return (await readSaga(services.models, saga._id)) ?? saga;
}

export interface RecoveryResult {
  granted: number;
  compensated: number;
  stillCompensating: number;
}

// Sagas one pass takes up; the next pass takes the rest.
const RECOVERY_BATCH = 200;

/**
 * The recovery pass: finishes every saga that owes a refund and every one left in a middle state
 * for longer than a request takes (domain/priority-saga.ts recoveryStep). Passes may overlap (the
 * timer, an operator): every move is conditional and both ledger calls are idempotent.
 */
export async function recoverPrioritySagas(services: Services): Promise<RecoveryResult> {
  const now = services.clock.now();
  const open = await services.models.ParkingPrioritySaga.find({ state: { $in: [...OPEN_SAGA_STATES] } }, PARKING_PRIORITY_SAGA_FIELDS)
    .sort({ updatedAt: 1 })
    .limit(RECOVERY_BATCH)
    .lean<ParkingPrioritySagaDocument[]>();
  const result: RecoveryResult = { granted: 0, compensated: 0, stillCompensating: 0 };
  for (const saga of open) {
    const step = recoveryStep(saga.state, saga.updatedAt, now);
    if (step === 'NONE') continue;
    const after =
      step === 'REFUND' ? await refund(services, saga) : step === 'COMPENSATE' ? await compensate(services, saga, 'STARTED', LEFT_UNFINISHED) : await grantOrCompensate(services, saga);
    if (after.state === 'PRIORITY_GRANTED') result.granted++;
    else if (after.state === 'COMPENSATED') result.compensated++;
    else if (after.state === 'COMPENSATING') result.stillCompensating++;
  }
  return result;
}
