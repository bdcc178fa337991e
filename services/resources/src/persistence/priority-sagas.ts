import { isDuplicateKeyOn, returnUpdated } from '@civic/service-kit';
import { Types, type ClientSession } from 'mongoose';
import { isFinished, mayMove, type SagaState } from '../domain/priority-saga.ts';
import type { Models } from '../models/index.ts';
import { ONE_OPEN_SAGA_PER_APPLICATION, PARKING_PRIORITY_SAGA_FIELDS, type ParkingPrioritySagaDocument } from '../models/parking-priority-saga.ts';

/** The saga records' writes: each move is one update conditional on the state it moves from. */

export type NewSaga = Omit<ParkingPrioritySagaDocument, '_id' | 'state' | 'failure' | 'updatedAt' | 'finishedAt'>;

/** Records a saga as STARTED; null when the application has one under way already. */
export async function startSaga(models: Models, saga: NewSaga): Promise<ParkingPrioritySagaDocument | null> {
  const started: ParkingPrioritySagaDocument = { _id: new Types.ObjectId(), ...saga, state: 'STARTED', failure: null, updatedAt: saga.startedAt, finishedAt: null };
  try {
    await models.ParkingPrioritySaga.create(started);
  } catch (error) {
    if (isDuplicateKeyOn(error, ONE_OPEN_SAGA_PER_APPLICATION)) return null;
    throw error;
  }
  return started;
}

/** Moves the saga from `from` to `to`; null when it is no longer in `from` (another mover won). */
export function moveSaga(
  models: Models,
  sagaId: Types.ObjectId,
  from: SagaState,
  to: SagaState,
  now: Date,
  { failure, session }: { failure?: string; session?: ClientSession } = {},
): Promise<ParkingPrioritySagaDocument | null> {
  if (!mayMove(from, to)) throw new Error(`A parking priority saga never moves from ${from} to ${to}`);
  const set = { state: to, updatedAt: now, ...(isFinished(to) ? { finishedAt: now } : {}), ...(failure === undefined ? {} : { failure }) };
  return models.ParkingPrioritySaga.findOneAndUpdate({ _id: sagaId, state: from }, { $set: set }, { ...returnUpdated(PARKING_PRIORITY_SAGA_FIELDS), session }).lean<ParkingPrioritySagaDocument>();
}

export function readSaga(models: Models, sagaId: Types.ObjectId): Promise<ParkingPrioritySagaDocument | null> {
  return models.ParkingPrioritySaga.findById(sagaId, PARKING_PRIORITY_SAGA_FIELDS).lean<ParkingPrioritySagaDocument>();
}
