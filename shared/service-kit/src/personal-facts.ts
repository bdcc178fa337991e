import { hasRole, isStaff, staffCovers, type Viewer } from '@civic/identity';
import { requireSignedIn, type OrganisationPath, type Refusal } from './authorise.ts';

/**
 * Personal facts: any field or list that describes one resident (their votes, bookings, wishes,
 * points, household...). Whatever department holds one, the same readers read it: the resident
 * themself, staff whose scope covers where the resident lives, and services. Nobody else: not
 * another resident, a volunteer, out-of-scope staff or an analyst.
 */

/** The resident a fact describes: their id and where they live (the organisation path, root first). */
export interface PersonalFactSubject {
  id: string;
  organisationPath: OrganisationPath;
}

export function readsPersonalFacts(viewer: Viewer, subject: PersonalFactSubject): boolean {
  if (hasRole(viewer, 'SERVICE')) return true;
  if (viewer.residentId !== null && viewer.residentId === subject.id) return true;
  return staffCovers(viewer, subject.organisationPath);
}

/** `readsPersonalFacts` as a guard: UNAUTHENTICATED for an anonymous caller, the service's `refusal` for anyone else. */
export function requirePersonalFactReader(viewer: Viewer, subject: PersonalFactSubject, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!readsPersonalFacts(viewer, subject)) throw refusal();
}

/**
 * Analysts read no row about a person and work on aggregates instead. A caller reads as an analyst
 * when they hold ANALYST and no role that reads people's rows for its work (staff, services).
 */
export function readsAsAnalyst(viewer: Viewer): boolean {
  return hasRole(viewer, 'ANALYST') && !isStaff(viewer) && !hasRole(viewer, 'SERVICE');
}

/**
 * Whether the viewer may see a row about this person at all (a Resident with its PII masked, a
 * household without its room): whoever reads its facts, and any other signed-in caller but one
 * reading as an analyst.
 */
export function readsPersonRow(viewer: Viewer, subject: PersonalFactSubject): boolean {
  return readsPersonalFacts(viewer, subject) || !readsAsAnalyst(viewer);
}

/** The resident's organisation path that the gateway supplies through `@requires(fields: "organisationPath")`. */
export function requiredOrganisationPath(resident: { organisationPath?: readonly string[] | null }, field: string): readonly string[] {
  if (!resident.organisationPath) throw new Error(`Resident.${field} needs the resident's organisationPath, which the gateway supplies through @requires`);
  return resident.organisationPath;
}
