import { isAnonymous, type Viewer } from '@civic/identity';
import { MANAGER_ROLES, requireRole, requireStaffCovering, type OrganisationPath, type Refusal } from '@civic/service-kit';
import type { ActivityVisibility } from './domain/activity-rules.ts';
import { createDistrictCommittee } from './errors.ts';

/**
 * Who may do what in the organisations subgraph.
 *
 * - Anyone, signed in or not, reads organisations, grids, partnerships, agreements (their
 *   contact persons excepted), PUBLIC activities and public posts: the district's public face.
 * - Signed-in callers also read COMMUNITY activities, agreement contact persons and residents'
 *   service hours (service is honoured in public rankings).
 * - A non-public post is read by its audience (domain/post-audience.ts).
 * - Tree managers (COMMUNITY_WORKER, STREET_ADMIN, DISTRICT_ADMIN) whose scope covers the
 *   organisation concerned create and rename organisations below it, create its grids and assign
 *   their responsible person, create and end its partnerships, sign its agreements and publish
 *   its posts. Only a DISTRICT_ADMIN creates a root (a new district committee).
 * - Any staff member (grid workers too) whose scope covers the host creates, cancels and checks in
 *   an activity, and reads its participants and check-ins.
 * - A resident signs themself up (viewer.residentId) and cancels; nobody signs up someone else.
 * - A resident's activity list: the resident, staff, analysts and services.
 */

export function requireTreeManager(viewer: Viewer, organisationPath: OrganisationPath, refusal: Refusal): void {
  requireStaffCovering(viewer, organisationPath, refusal, MANAGER_ROLES);
}

export function requireRootCreator(viewer: Viewer): void {
  requireRole(viewer, createDistrictCommittee, 'DISTRICT_ADMIN');
}

export function canSeeActivity(viewer: Viewer, activity: { visibility: ActivityVisibility }): boolean {
  return activity.visibility === 'PUBLIC' || !isAnonymous(viewer);
}
