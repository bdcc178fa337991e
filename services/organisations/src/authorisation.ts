import { hasRole, isAnonymous, type Viewer } from '@civic/identity';
import { MANAGER_ROLES, requireRole, requireSignedIn, requireStaffCovering, staffCovers, type OrganisationPath, type Refusal, type SweepRefusals } from '@civic/service-kit';
import type { ActivityVisibility } from './domain/activity-rules.ts';
import { createDistrictCommittee, runMobilisationSweep, runMobilisationSweepOutOfScope } from './errors.ts';

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
 * - Mobilisations are the work of a grid's staff, and which household was not at home is a
 *   personal fact: staff whose scope covers the grid start and close them; they and the grid's
 *   responsible person record visits and read mobilisations with their coverage and visits;
 *   services read them. A community's list: staff covering it and services. Anyone else, analysts
 *   included, FORBIDDEN.
 * - The mobilisation sweep: DISTRICT_ADMIN and SERVICE for the whole instance; for one community,
 *   staff whose scope covers it too.
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

/** A grid's mobilisation as the rules above place it: the grid's path and responsible person. */
interface MobilisedGrid {
  organisationPath: OrganisationPath;
  responsiblePersonId: { toHexString(): string } | null;
}

function isResponsibleFor(viewer: Viewer, grid: MobilisedGrid): boolean {
  return viewer.residentId !== null && grid.responsiblePersonId?.toHexString() === viewer.residentId;
}

export function requireMobilisationVisitor(viewer: Viewer, grid: MobilisedGrid, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!staffCovers(viewer, grid.organisationPath) && !isResponsibleFor(viewer, grid)) throw refusal();
}

export function mayReadMobilisation(viewer: Viewer, grid: MobilisedGrid): boolean {
  return hasRole(viewer, 'SERVICE') || staffCovers(viewer, grid.organisationPath) || isResponsibleFor(viewer, grid);
}

export function requireMobilisationReader(viewer: Viewer, grid: MobilisedGrid, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!mayReadMobilisation(viewer, grid)) throw refusal();
}

export function requireCommunityMobilisationsReader(viewer: Viewer, organisationPath: OrganisationPath, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!hasRole(viewer, 'SERVICE') && !staffCovers(viewer, organisationPath)) throw refusal();
}

/** The mobilisation sweep: the whole instance for DISTRICT_ADMIN and SERVICE, a subtree for the staff over it and services. */
export const MOBILISATION_SWEEP_REFUSALS: SweepRefusals = { wholeInstance: runMobilisationSweep, outOfScope: runMobilisationSweepOutOfScope };
