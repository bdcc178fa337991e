import { isDuplicateKeyOn, returnUpdated } from '@civic/service-kit';
import { Types, type ClientSession } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { ResourceDocument } from '../models/resource.ts';
import { ONE_HOLDER_PER_PLACE, ONE_OPEN_APPLICATION_PER_RESIDENT, PARKING_APPLICATION_FIELDS, type ParkingApplicationDocument } from '../models/parking-application.ts';
import { byQueueOrder, freePlaces, maxAllocationAttempts } from '../domain/parking-rules.ts';

/** Queues the resident's application (WAITING), then lets the queue move; null when they already have an open one. */
export async function enqueue(models: Models, resource: ResourceDocument, applicantId: Types.ObjectId, now: Date): Promise<Types.ObjectId | null> {
  const _id = new Types.ObjectId();
  try {
    await models.ParkingApplication.create({
      _id,
      resourceId: resource._id,
      servedPath: resource.servedPath,
      applicantId,
      status: 'WAITING',
      place: null,
      appliedAt: now,
      allocatedAt: null,
      releasedAt: null,
      queueKey: null,
      priorityPlaces: 0,
    } satisfies ParkingApplicationDocument);
  } catch (error) {
    if (isDuplicateKeyOn(error, ONE_OPEN_APPLICATION_PER_RESIDENT)) return null;
    throw error;
  }
  await allocateFreePlaces(models, resource, now);
  return _id;
}

/**
 * Closes an open application in one update: RELEASED if it held a place, WITHDRAWN if it waited.
 * Either way it leaves both partial unique indexes, freeing its place and its applicant; then the
 * first waiting application may move into the freed place.
 */
export async function leave(models: Models, resource: ResourceDocument, application: ParkingApplicationDocument, now: Date): Promise<ParkingApplicationDocument | null> {
  const closed = await models.ParkingApplication.findOneAndUpdate(
    { _id: application._id, status: { $in: ['ALLOCATED', 'WAITING'] } },
    [{ $set: { status: { $cond: [{ $eq: ['$status', 'ALLOCATED'] }, 'RELEASED', 'WITHDRAWN'] }, releasedAt: now } }],
    { ...returnUpdated(PARKING_APPLICATION_FIELDS), updatePipeline: true },
  ).lean<ParkingApplicationDocument>();
  if (closed) await allocateFreePlaces(models, resource, now);
  return closed;
}

/**
 * Gives free places to waiting applications in queue order. Any pass may run at the
 * same time as others: a place goes to one application only (the unique index on allocated
 * places) and an application moves out of WAITING once (conditional update); a lost race means
 * reading the queue again. Inside a transaction (`session`) a lost race is a write conflict, and the
 * whole transaction runs again.
 */
export async function allocateFreePlaces(models: Models, resource: ResourceDocument, now: Date, session?: ClientSession): Promise<void> {
  const quota = resource.parkingPlaces ?? 0;
  for (let attempt = 0; attempt < maxAllocationAttempts(quota); attempt++) {
    const open = await models.ParkingApplication.find(
      { resourceId: resource._id, status: { $in: ['ALLOCATED', 'WAITING'] } },
      { status: 1, place: 1, appliedAt: 1, queueKey: 1 },
      { session },
    ).lean();
    const free = freePlaces(quota, open.flatMap((application) => (application.status === 'ALLOCATED' && application.place !== null ? [application.place] : [])));
    const next = open.filter((application) => application.status === 'WAITING').sort(byQueueOrder)[0];
    if (free.length === 0 || !next) return;
    try {
      await models.ParkingApplication.updateOne({ _id: next._id, status: 'WAITING' }, { $set: { status: 'ALLOCATED', place: free[0]!, allocatedAt: now } }, { session });
    } catch (error) {
      if (!isDuplicateKeyOn(error, ONE_HOLDER_PER_PLACE)) throw error;
    }
  }
}
