import type { InputViolation } from '@civic/service-kit';
import { keyBetween } from './queue-keys.ts';

/**
 * Buying priority on a shared parking waiting list with 微星光 points (Suzhou's priority for public
 * resources): each place moved up costs the same points, on every quota; an application moves up
 * within the waiting list only, never past its head, so never past an allocated place; and one
 * application buys at most a few places in all, so points cannot buy the whole queue.
 */

export const PRIORITY_POINTS_PER_PLACE = 20;
export const MAX_PRIORITY_PLACES_PER_APPLICATION = 5;

export function priorityPrice(places: number): number {
  return places * PRIORITY_POINTS_PER_PLACE;
}

export interface PriorityRequest {
  places: number;
  /** The application's waiting position now, 1 at the head. */
  position: number;
  /** Places the application bought before. */
  placesBought: number;
}

/** Why the request cannot be granted as asked, or null. */
export function priorityViolation({ places, position, placesBought }: PriorityRequest): InputViolation | null {
  if (!Number.isInteger(places) || places < 1) return placesBelowOne();
  if (placesBought + places > MAX_PRIORITY_PLACES_PER_APPLICATION) return placesOverCap(MAX_PRIORITY_PLACES_PER_APPLICATION - placesBought);
  if (places >= position) return placesPastTheHead(position);
  return null;
}

export function placesBelowOne(): InputViolation {
  return { field: 'places', message: 'must be a whole number of at least 1' };
}

export function placesOverCap(left: number): InputViolation {
  return { field: 'places', message: `may be at most ${left}: an application moves up at most ${MAX_PRIORITY_PLACES_PER_APPLICATION} places in all` };
}

export function placesPastTheHead(position: number): InputViolation {
  return { field: 'places', message: `may be at most ${position - 1} from waiting position ${position}: the head of the waiting list is as far as priority goes` };
}

/**
 * The key that puts the application at index `index` of the waiting keys, in order, `places`
 * ahead: just before the application now standing there.
 */
export function keyAhead(waitingKeys: readonly string[], index: number, places: number): string {
  const target = index - places;
  if (target < 0 || index >= waitingKeys.length) throw new Error(`Cannot move from index ${index} by ${places} in a list of ${waitingKeys.length}`);
  return keyBetween(waitingKeys[target - 1] ?? null, waitingKeys[target]!);
}

/** The points ledger's reason for a spending, and for its refund. */
export function spendingReason(quotaTitle: string, places: number): string {
  return `共享车位「${quotaTitle}」排队前移${places}位`;
}

export function refundReason(spendingReason: string): string {
  return `退还：${spendingReason}（未能办理）`;
}
