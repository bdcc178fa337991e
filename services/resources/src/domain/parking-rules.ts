import type { Types } from 'mongoose';
import { initialQueueKey } from './queue-keys.ts';

/**
 * Shared parking: places 1..quota go to applications in order of application; the others wait.
 * A unique index on (resource, place) over allocated applications keeps allocations within the
 * quota under concurrency (models/parking-application.ts).
 */

export const MAX_PARKING_PLACES = 1000;

/** The places 1..quota that no allocation holds, in order. */
export function freePlaces(quota: number, takenPlaces: readonly number[]): number[] {
  const taken = new Set(takenPlaces);
  return Array.from({ length: quota }, (_, index) => index + 1).filter((place) => !taken.has(place));
}

export interface QueuedApplication {
  _id: Types.ObjectId;
  appliedAt: Date;
  /** Set once points bought the application priority (domain/parking-priority.ts); null: order of application. */
  queueKey?: string | null;
}

/** Where an application stands in line: its bought place, else its order of application. */
export function queueKeyOf(application: QueuedApplication): string {
  return application.queueKey ?? initialQueueKey(application.appliedAt, application._id);
}

/** Order of the queue: by queue key, which is the order of application (earlier first, then id) until priority is bought. */
export function byQueueOrder(a: QueuedApplication, b: QueuedApplication): number {
  const keyA = queueKeyOf(a);
  const keyB = queueKeyOf(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** Each waiting application's position in line, 1 for the next to move in. */
export function waitingPositions(waiting: readonly QueuedApplication[]): Map<string, number> {
  return new Map([...waiting].sort(byQueueOrder).map((application, index) => [application._id.toHexString(), index + 1]));
}

/**
 * How often one allocation pass retries after losing a race for a place. Each lost race means
 * another pass allocated someone, so the quota bounds the useful retries; a few more cover releases.
 */
export function maxAllocationAttempts(quota: number): number {
  return quota + 5;
}
