import type { ResourceKind, ResourceStatus } from './vocabulary.ts';
import type { InputViolation } from '@civic/service-kit';
import { MAX_TAG_LENGTH, MAX_TAGS } from './text-limits.ts';

/** Rules of a resource's description: tags, the availability fields each kind takes, status changes. */

// The rule errors of tags (`field`: tags or skills) and of availability fields.

export function emptyTag(field: string): InputViolation {
  return { field, message: 'must not contain an empty tag' };
}

export function tagTooLong(field: string): InputViolation {
  return { field, message: `must hold tags of at most ${MAX_TAG_LENGTH} characters` };
}

export function tooManyTags(field: string): InputViolation {
  return { field, message: `must hold at most ${MAX_TAGS} tags` };
}

/** An availability field given for a kind that does not use it (e.g. a stock for a venue). */
export function fieldNotOfKind(field: keyof AvailabilityInput, kind: ResourceKind): InputViolation {
  return { field, message: `does not apply to a resource of kind ${kind}` };
}

/** Trimmed, without duplicates, in the order given; an empty or long tag is an error. */
export function normaliseTags(field: string, tags: readonly string[] | null | undefined): { tags: string[] } | { error: InputViolation } {
  const unique = [...new Set((tags ?? []).map((tag) => tag.trim()))];
  if (unique.some((tag) => tag.length === 0)) return { error: emptyTag(field) };
  if (unique.some((tag) => tag.length > MAX_TAG_LENGTH)) return { error: tagTooLong(field) };
  if (unique.length > MAX_TAGS) return { error: tooManyTags(field) };
  return { tags: unique };
}

export interface AvailabilityInput {
  openingHours?: readonly unknown[] | null;
  slotMinutes?: number | null;
  stock?: number | null;
  parkingPlaces?: number | null;
}

const AVAILABILITY_FIELDS = ['openingHours', 'slotMinutes', 'stock', 'parkingPlaces'] as const;

const FIELDS_OF_KIND: Record<ResourceKind, readonly (keyof AvailabilityInput)[]> = {
  SERVICE: ['openingHours', 'slotMinutes'],
  VENUE: ['openingHours', 'slotMinutes'],
  EXPERT: ['openingHours', 'slotMinutes'],
  GOODS: ['stock'],
  FUND: [],
  PARKING: ['parkingPlaces'],
};

/** An availability field given for a kind that does not use it (e.g. a stock for a venue). */
export function foreignAvailabilityField(kind: ResourceKind, input: AvailabilityInput): InputViolation | null {
  const allowed = FIELDS_OF_KIND[kind];
  const stray = AVAILABILITY_FIELDS.find((field) => !allowed.includes(field) && input[field] !== null && input[field] !== undefined);
  return stray ? fieldNotOfKind(stray, kind) : null;
}

/** A retired resource stays retired; the others move freely between ACTIVE and SUSPENDED. */
export function canChangeStatus(from: ResourceStatus, to: ResourceStatus): boolean {
  return from !== 'RETIRED' && from !== to;
}

/**
 * Whom a resource serves: people and organisations in its served organisation's subtree, and the
 * organisations above it (a street office may book its community's hall). `path` is root..the
 * booker's organisation, or root..the community a resident lives in.
 */
export function isServed(servedPath: readonly string[], path: readonly string[]): boolean {
  const served = servedPath.at(-1);
  const own = path.at(-1);
  return served !== undefined && own !== undefined && (path.includes(served) || servedPath.includes(own));
}
