import type { Types } from 'mongoose';
import { hasRole, STAFF_ROLES, type Viewer } from '@civic/identity';
import { MANAGER_ROLES, objectIdsOf, READER_ROLES, requireSignedIn, requireStaffCovering, staffCovers, type OrganisationPath, type Refusal } from '@civic/service-kit';

/**
 * Who may do what in the resources subgraph.
 *
 * - Anyone, signed in or not, reads resources (the three pools are the district's public
 *   offer), Organisation.resources and .funds, and Wish.matchingResources. A resource's contact
 *   person is for signed-in callers.
 * - Resource managers (COMMUNITY_WORKER, STREET_ADMIN, DISTRICT_ADMIN) whose scope covers the
 *   served organisation create resources for it, edit them, restock goods, change their status,
 *   read their bookings and parking applications, release any parking place, deposit into its
 *   funds, and propose, approve and reject disbursements. Four eyes: the proposer of a
 *   disbursement may not approve it (FORBIDDEN); another manager must.
 * - A fund's balance: its managers, analysts, services. Its ledger and disbursements (who received
 *   hardship money, and why): its managers and services only.
 * - A resident books for themself (viewer.residentId); any staff member (grid workers too) books
 *   for an organisation in their scope. A booking is read by its booker (the resident, or staff
 *   covering the booking organisation), staff covering where a booking resident lives, the
 *   resource's managers and services, and analysts when an organisation booked it; the booker and
 *   the managers cancel it.
 * - A resource serves its organisation's subtree (domain/resource-rules.ts isServed): residents
 *   book it and apply for its parking places only if they live there (FORBIDDEN otherwise);
 *   organisations book it from there or from above; a fund pays residents living there.
 * - A resident's booking list is a personal fact: the resident, staff covering where they live,
 *   services. Wish.bookings lists the bookings the (signed-in) caller may read.
 * - A resident applies for parking for themself and releases their own place or application;
 *   an application is read by the applicant, the managers and services.
 */

export function isResourceManager(viewer: Viewer, servedPath: OrganisationPath): boolean {
  return staffCovers(viewer, servedPath, MANAGER_ROLES);
}

export function requireResourceManager(viewer: Viewer, servedPath: OrganisationPath, refusal: Refusal): void {
  requireStaffCovering(viewer, servedPath, refusal, MANAGER_ROLES);
}

/** Fund balances: a sum, for analysts too. */
export function requireManagerOrReader(viewer: Viewer, servedPath: OrganisationPath, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!isResourceManager(viewer, servedPath) && !hasRole(viewer, ...READER_ROLES)) throw refusal();
}

/** Rows about the residents a resource serves (a fund's ledger and disbursements, a parking queue): its managers and services. */
export function requireManagerOrService(viewer: Viewer, servedPath: OrganisationPath, refusal: Refusal): void {
  requireSignedIn(viewer);
  if (!isResourceManager(viewer, servedPath) && !hasRole(viewer, 'SERVICE')) throw refusal();
}

export interface BookingParties {
  servedPath: OrganisationPath;
  bookerResidentId: Types.ObjectId | null;
  bookerPath: OrganisationPath;
}

/** The booker (resident, or staff of the booking organisation) or the resource's managers. */
export function mayChangeBooking(viewer: Viewer, booking: BookingParties): boolean {
  if (booking.bookerResidentId) {
    if (viewer.residentId === booking.bookerResidentId.toHexString()) return true;
  } else if (staffCovers(viewer, booking.bookerPath)) return true;
  return isResourceManager(viewer, booking.servedPath);
}

/**
 * Besides those who may change it: a resident's booking is a personal fact, read by staff covering
 * where the resident lives; services; analysts read an organisation's bookings, never a resident's.
 */
export function mayReadBooking(viewer: Viewer, booking: BookingParties): boolean {
  if (mayChangeBooking(viewer, booking) || staffCovers(viewer, booking.bookerPath) || hasRole(viewer, 'SERVICE')) return true;
  return hasRole(viewer, 'ANALYST') && booking.bookerResidentId === null;
}

/** mayReadBooking as a database filter: the bookings of a list the caller may read. */
export function readableBookingsFilter(viewer: Viewer): Record<string, unknown> {
  if (hasRole(viewer, 'SERVICE')) return {};
  const scope = objectIdsOf(viewer.scope);
  const readable: Record<string, unknown>[] = [];
  if (viewer.residentId) readable.push({ bookerResidentId: { $in: objectIdsOf([viewer.residentId]) } });
  // Staff covering the booker's path read it, whether the booker is their organisation or a resident living there.
  if (hasRole(viewer, ...STAFF_ROLES)) readable.push({ bookerPath: { $in: scope } });
  if (hasRole(viewer, ...MANAGER_ROLES)) readable.push({ servedPath: { $in: scope } });
  if (hasRole(viewer, 'ANALYST')) readable.push({ bookerResidentId: null });
  return readable.length > 0 ? { $or: readable } : { _id: { $in: [] } };
}

export function mayReadApplication(viewer: Viewer, application: { applicantId: Types.ObjectId; servedPath: OrganisationPath }): boolean {
  return viewer.residentId === application.applicantId.toHexString() || isResourceManager(viewer, application.servedPath) || hasRole(viewer, 'SERVICE');
}

