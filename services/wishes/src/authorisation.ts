import { hasRole, type Viewer } from '@civic/identity';
import {
  MANAGER_ROLES,
  objectIdsOf,
  READER_ROLES,
  requireSignedIn,
  requireStaffCovering,
  staffCovers,
  staffScopeIds,
  STREET_MANAGER_ROLES,
  type OrganisationPath,
  type Refusal,
  type SweepRefusals,
} from '@civic/service-kit';
import { PUBLIC_STATUSES } from './domain/vocabulary.ts';
import type { WishDocument } from './models/wish.ts';
import { claimWithoutClaimerRole, runDeadlineSweep, runDeadlineSweepOutOfScope } from './errors.ts';

/**
 * Who may do what in the wishes subgraph.
 *
 * - A resident submits wishes for themself; staff (grid workers too) whose scope covers the
 *   community record them for a resident who does not use a phone.
 * - Community managers (COMMUNITY_WORKER, STREET_ADMIN, DISTRICT_ADMIN) whose scope covers the
 *   wish's community publish or reject it, reassign a request, and set the community's claim
 *   windows. Street managers (STREET_ADMIN, DISTRICT_ADMIN covering the street) dispatch work orders.
 * - The requester withdraws (before anyone takes it up), confirms with a rating, or reopens; staff
 *   covering the community may confirm or reopen on the requester's behalf (door-to-door visits).
 * - Claimants: a resident with role VOLUNTEER (and a volunteer profile) or PARTY_MEMBER (and a
 *   membership), for themself; or staff acting for an organisation of a claiming kind that their
 *   scope covers. The claimant starts, fulfils and hands back its wish.
 * - A request's handler is an organisation: staff whose scope covers it acknowledge, resolve and
 *   read its queue and notifications; staff covering a work order's assignee close that order.
 * - DISTRICT_ADMIN and SERVICE run the deadline sweep.
 * - Reading: the requester, the claimant, the handler's staff, staff covering the community and
 *   services see a wish in full; anyone else sees it once published, with the requester null (and
 *   the recording account and timeline actors masked), and may not list wishes by requester; an
 *   anonymous caller sees nothing personal. Stats and the handling sheet: staff in scope, analysts, services.
 */

export function isRequester(viewer: Viewer, wish: Pick<WishDocument, 'requesterId'>): boolean {
  return viewer.residentId !== null && viewer.residentId === wish.requesterId.toHexString();
}

export function isClaimant(viewer: Viewer, wish: Pick<WishDocument, 'claimantKind' | 'claimantId' | 'claimantPath'>): boolean {
  if (wish.claimantKind === 'RESIDENT') return viewer.residentId !== null && viewer.residentId === wish.claimantId?.toHexString();
  return wish.claimantKind === 'ORGANISATION' && staffCovers(viewer, wish.claimantPath);
}

export function isHandlerStaff(viewer: Viewer, wish: Pick<WishDocument, 'handlerPath'>): boolean {
  return staffCovers(viewer, wish.handlerPath);
}

type Visible = Pick<WishDocument, 'requesterId' | 'claimantKind' | 'claimantId' | 'claimantPath' | 'handlerPath' | 'organisationPath' | 'status'>;

export function seesInFull(viewer: Viewer, wish: Visible): boolean {
  return hasRole(viewer, 'SERVICE') || isRequester(viewer, wish) || isClaimant(viewer, wish) || isHandlerStaff(viewer, wish) || staffCovers(viewer, wish.organisationPath);
}

export function canSeeWish(viewer: Viewer, wish: Visible): boolean {
  return PUBLIC_STATUSES.includes(wish.status) || seesInFull(viewer, wish);
}

/**
 * The same rule as a database filter, for listings. `fullOnly` drops the public wishes: listing by
 * requester would otherwise tell who asked for the wishes whose requester is masked.
 */
export function visibleWishesFilter(viewer: Viewer, { fullOnly = false } = {}): Record<string, unknown> {
  if (hasRole(viewer, 'SERVICE')) return {};
  const any: Record<string, unknown>[] = fullOnly ? [] : [{ status: { $in: PUBLIC_STATUSES } }];
  // Ids, not their text: the filter also serves aggregates, which do not cast.
  const [residentId] = objectIdsOf(viewer.residentId ? [viewer.residentId] : []);
  if (residentId) any.push({ requesterId: residentId }, { claimantId: residentId });
  const scope = staffScopeIds(viewer);
  if (scope.length > 0) any.push({ organisationPath: { $in: scope } }, { handlerPath: { $in: scope } }, { claimantPath: { $in: scope } });
  // Nobody to match: an id no document has.
  if (any.length === 0) return { _id: null };
  return any.length === 1 ? any[0]! : { $or: any };
}

export function requireManager(viewer: Viewer, path: OrganisationPath, refusal: Refusal): void {
  requireStaffCovering(viewer, path, refusal, MANAGER_ROLES);
}

export function requireStreetManager(viewer: Viewer, organisationPath: OrganisationPath, refusal: Refusal): void {
  // The community's path without the community itself: the street and above.
  requireStaffCovering(viewer, organisationPath.slice(0, -1), refusal, STREET_MANAGER_ROLES);
}

export function requireRequesterOrStaff(viewer: Viewer, wish: WishDocument, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!isRequester(viewer, wish) && !staffCovers(viewer, wish.organisationPath)) throw refusal();
}

export function requireClaimant(viewer: Viewer, wish: WishDocument, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!isClaimant(viewer, wish)) throw refusal();
}

export function requireHandlerStaff(viewer: Viewer, wish: WishDocument, refusal: Refusal): void {
  requireStaffCovering(viewer, wish.handlerPath, refusal);
}

/** The deadline sweep: the whole instance for DISTRICT_ADMIN and SERVICE, a subtree for the staff over it and services. */
export const SWEEP_REFUSALS: SweepRefusals = { wholeInstance: runDeadlineSweep, outOfScope: runDeadlineSweepOutOfScope };

/** Aggregates over a subtree: staff covering it, analysts and services. */
export function requireReportReader(viewer: Viewer, path: readonly string[], refusal: Refusal): void {
  requireSignedIn(viewer);
  if (hasRole(viewer, ...READER_ROLES) || staffCovers(viewer, path)) return;
  throw refusal();
}

/** A resident claims for themself with role VOLUNTEER or PARTY_MEMBER. */
export function requireResidentClaimer(viewer: Viewer): string {
  requireSignedIn(viewer);
  if (!viewer.residentId || !hasRole(viewer, 'VOLUNTEER', 'PARTY_MEMBER')) throw claimWithoutClaimerRole();
  return viewer.residentId;
}
