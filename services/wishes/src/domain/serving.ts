import type { InputViolation } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { ClaimantKind } from './vocabulary.ts';

/**
 * Who served a micro-wish (`servedBy`, carried by wish.fulfilled and wish.confirmed, which the
 * points are earned from): a resident who claimed it served it themself; an organisation that
 * claimed it names, when it completes the wish, the residents who did the work: 1 to
 * MAX_SERVED_BY, each once, each its member as the graph records membership.
 */

export const MAX_SERVED_BY = 20;

/** Who served a wish; one fulfilled before that was kept was served by its resident claimant, and by no one known for an organisation's. */
export function whoServed(wish: { servedBy?: Types.ObjectId[]; claimantKind: ClaimantKind | null; claimantId: Types.ObjectId | null }): Types.ObjectId[] {
  if (wish.servedBy) return wish.servedBy;
  return wish.claimantKind === 'RESIDENT' && wish.claimantId ? [wish.claimantId] : [];
}

export function servedByNotNamed(): InputViolation {
  return { field: 'servedBy', message: 'is named only when an organisation completes a micro-wish it claimed' };
}

export function servedByMissing(): InputViolation {
  return { field: 'servedBy', message: 'must name the residents who served, when an organisation completes the wish it claimed' };
}

export function servedByCountOutOfRange(): InputViolation {
  return { field: 'servedBy', message: `must name 1 to ${MAX_SERVED_BY} residents` };
}

export function servedByRepeated(index: number): InputViolation {
  return { field: `servedBy[${index}]`, message: 'names a resident already named' };
}

export function servedByNonMember(index: number): InputViolation {
  return { field: `servedBy[${index}]`, message: 'is not a party member or volunteer of the claiming organisation' };
}

/** What completing a wish says about who served: named only for an organisation's claim of a micro-wish, and then 1 to 20 distinct ids. */
export function servedByViolation(completion: { request: boolean; claimantKind: ClaimantKind | null }, servedBy: readonly string[] | null | undefined): InputViolation | null {
  const named = servedBy !== null && servedBy !== undefined;
  if (completion.request || completion.claimantKind !== 'ORGANISATION') return named ? servedByNotNamed() : null;
  if (!named) return servedByMissing();
  if (servedBy.length === 0 || servedBy.length > MAX_SERVED_BY) return servedByCountOutOfRange();
  const repeated = servedBy.findIndex((id, index) => servedBy.indexOf(id) !== index);
  return repeated === -1 ? null : servedByRepeated(repeated);
}

/**
 * Whether a resident is a member of the organisation: it is their party branch or one of their
 * volunteer teams, or above one in the tree (a community party committee over its branches). The
 * graph records no other membership (a co-building unit's staff are its members only as party
 * members or volunteers registered under it).
 */
export function isMemberOf(organisationId: string, memberships: { branchPath: readonly string[] | null; teamPaths: readonly (readonly string[])[] }): boolean {
  return [memberships.branchPath ?? [], ...memberships.teamPaths].some((path) => path.includes(organisationId));
}
