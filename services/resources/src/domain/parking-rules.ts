import type { Types } from 'mongoose';

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
}

/** Order of application: earlier first, the id breaking ties (ids grow with creation). */
export function byApplicationOrder(a: QueuedApplication, b: QueuedApplication): number {
  return a.appliedAt.getTime() - b.appliedAt.getTime() || a._id.toHexString().localeCompare(b._id.toHexString());
}

/** Each waiting application's position in line, 1 for the next to move in. */
export function waitingPositions(waiting: readonly QueuedApplication[]): Map<string, number> {
  return new Map([...waiting].sort(byApplicationOrder).map((application, index) => [application._id.toHexString(), index + 1]));
}

/**
 * How often one allocation pass retries after losing a race for a place. Each lost race means
 * another pass allocated someone, so the quota bounds the useful retries; a few more cover releases.
 */
export function maxAllocationAttempts(quota: number): number {
  return quota + 5;
}
