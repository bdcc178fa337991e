import { hasRole, isAnonymous, isStaff, staffCovers, STAFF_ROLES, type Role, type Viewer } from '@civic/identity';
import type { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import { unauthenticated } from './errors.ts';
import { isHexId, objectIdsOf } from './object-ids.ts';

/**
 * Who may act: the words every service's authorisation file is written in. A service's own rules
 * (a meeting's hosts, a wish's claimant) are compositions of these, not checks of their own.
 */

/** Staff who manage a community and what lies above it: organisations, resources, wishes. */
export const MANAGER_ROLES: readonly Role[] = ['COMMUNITY_WORKER', 'STREET_ADMIN', 'DISTRICT_ADMIN'];

/** Staff who manage a street and what lies above it. */
export const STREET_MANAGER_ROLES: readonly Role[] = ['STREET_ADMIN', 'DISTRICT_ADMIN'];

/** Callers who read across the district without acting in it. */
export const READER_ROLES: readonly Role[] = ['ANALYST', 'SERVICE'];

/** The scope check lives with the viewer (@civic/identity), where the gateway finds it too. */
export { staffCovers };

/** An organisation path, root first, as stored (ids) or as the graph gives it (hex text). */
export type OrganisationPath = readonly (Types.ObjectId | string)[];

/**
 * A refusal the service names in its errors.ts (`scheduleMeetingElsewhere`, ...), made only when a
 * guard refuses, so a guard's caller says which error and the message is written once.
 */
export type Refusal = () => GraphQLError;

/** `staffCovers`, or UNAUTHENTICATED for an anonymous caller and the service's `refusal` for anyone else. */
export function requireStaffCovering(viewer: Viewer, path: OrganisationPath, refusal: Refusal, roles: readonly Role[] = STAFF_ROLES): void {
  requireSignedIn(viewer);
  if (!staffCovers(viewer, path, roles)) throw refusal();
}

/** The organisations whose subtrees a staff viewer acts in, for listings filtered in the database. */
export function staffScopeIds(viewer: Viewer): Types.ObjectId[] {
  return isStaff(viewer) ? objectIdsOf(viewer.scope) : [];
}

/**
 * Aggregates for analysts (k-anonymity.ts): analysts and services anywhere, staff whose scope covers
 * the organisation (`path`); UNAUTHENTICATED for an anonymous caller, `refusal` for anyone else.
 */
export function requireAggregateReader(viewer: Viewer, path: OrganisationPath, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (hasRole(viewer, ...READER_ROLES) || staffCovers(viewer, path)) return;
  throw refusal();
}

/** Guards that resolvers call before they touch data; each throws the matching GraphQL error. */

export function requireSignedIn(viewer: Viewer): void {
  if (isAnonymous(viewer)) throw unauthenticated();
}

export function requireRole(viewer: Viewer, refusal: Refusal, ...roles: Role[]): void {
  requireSignedIn(viewer);
  if (!hasRole(viewer, ...roles)) throw refusal();
}

/**
 * A resident's own copy of their data (exportMyData): the resident alone. Not staff, not services:
 * the export is the person's right, not a way to read them.
 */
export function requireSelf(viewer: Viewer, residentId: string, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (viewer.residentId !== residentId) throw refusal();
}

/** Who is calling, for the records a write keeps of its author. */
export function signedInSubject(viewer: Viewer): string {
  if (viewer.subject === null) throw unauthenticated();
  return viewer.subject;
}

/** The calling resident, for actions a resident takes for themself. */
export function requireResident(viewer: Viewer, refusal: Refusal): Types.ObjectId {
  requireSignedIn(viewer);
  if (!viewer.residentId || !isHexId(viewer.residentId)) throw refusal();
  return new Types.ObjectId(viewer.residentId);
}
