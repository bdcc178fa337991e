import { hasRole, isAnonymous, isStaff, scopeCovers, type Role, type Viewer } from '@civic/identity';
import { Types } from 'mongoose';
import { forbidden, unauthenticated } from './errors.ts';

/** Guards that resolvers call before they touch data; each throws the matching GraphQL error. */

export function requireSignedIn(viewer: Viewer): void {
  if (isAnonymous(viewer)) throw unauthenticated();
}

export function requireRole(viewer: Viewer, action: string, ...roles: Role[]): void {
  requireSignedIn(viewer);
  if (!hasRole(viewer, ...roles)) throw forbidden(action);
}

/** Staff acting on something that sits under `organisationPath` (root first). */
export function requireStaffScope(viewer: Viewer, organisationPath: readonly string[], action: string): void {
  requireSignedIn(viewer);
  if (!isStaff(viewer) || !scopeCovers(viewer, organisationPath)) throw forbidden(action);
}

export function staffCovers(viewer: Viewer, organisationPath: readonly string[]): boolean {
  return isStaff(viewer) && scopeCovers(viewer, organisationPath);
}

/** Who is calling, for the records a write keeps of its author. */
export function signedInSubject(viewer: Viewer): string {
  if (viewer.subject === null) throw unauthenticated();
  return viewer.subject;
}

/** The calling resident, for actions a resident takes for themself. */
export function requireResident(viewer: Viewer, action: string): Types.ObjectId {
  requireSignedIn(viewer);
  if (!viewer.residentId || !/^[0-9a-f]{24}$/i.test(viewer.residentId)) throw forbidden(action);
  return new Types.ObjectId(viewer.residentId);
}
