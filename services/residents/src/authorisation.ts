import { hasRole, isStaff, type Role, type Viewer } from '@civic/identity';
import { requireSignedIn, staffCovers, staffScopeIds, type OrganisationPath, type Refusal } from '@civic/service-kit';
import { spendPointsAsNonSpender } from './errors.ts';

/**
 * Who may do what in the residents subgraph, beyond the scope checks resolvers make with the kit.
 *
 * - Staff whose scope covers where a resident or household lives register, move, pair and unpair
 *   them and set their party membership; the resident updates their own everyday facts.
 * - Community workers and street admins whose scope covers the resident award and deduct points;
 *   services (activities, wishes) may award, never deduct.
 * - The resources service alone spends a resident's points for priority and refunds them.
 * - Listings of residents and households: staff, within their scope, and services.
 */

const POINTS_RECORDER_ROLES: readonly Role[] = ['COMMUNITY_WORKER', 'STREET_ADMIN'];

export function mayRecordPoints(viewer: Viewer, resident: { organisationPath: OrganisationPath }): boolean {
  return staffCovers(viewer, resident.organisationPath, POINTS_RECORDER_ROLES);
}

/**
 * Who may list residents and households (residents(filter), Grid.residents, Grid.households,
 * Organisation.partyMembers): staff, who see what lies under their scope, and services, who see
 * everything. Residents find people through their own records and pairings instead.
 */
export function requireListingAccess(viewer: Viewer, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!hasRole(viewer, 'SERVICE') && !isStaff(viewer)) throw refusal();
}

/** Closed accounts are kept for their ledgers, never listed or counted as residents. */
export const OPEN_ACCOUNTS = { status: { $ne: 'CLOSED' } } as const;

/** The condition every listing adds for this viewer; `organisationPath` is indexed on both collections. */
export function listingScopeFilter(viewer: Viewer): Record<string, unknown> {
  if (hasRole(viewer, 'SERVICE')) return {};
  return { organisationPath: { $in: staffScopeIds(viewer) } };
}

/**
 * Who spends a resident's points and refunds them: the resources service, which sells priority
 * on its waiting lists and runs the saga that refunds what it could not grant.
 */
const POINTS_SPENDERS: readonly string[] = ['service:resources'];

export function requirePointsSpender(viewer: Viewer): void {
  requireSignedIn(viewer);
  if (!hasRole(viewer, 'SERVICE') || viewer.subject === null || !POINTS_SPENDERS.includes(viewer.subject)) throw spendPointsAsNonSpender();
}
