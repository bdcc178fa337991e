import type { Viewer } from '@civic/identity';
import { requireStaffCovering, staffCovers, type OrganisationPath, type Refusal, type SweepRefusals } from '@civic/service-kit';
import { runActionItemSweep, runActionItemSweepOutOfScope } from './errors.ts';

/**
 * Who may do what in the meetings subgraph.
 *
 * - Anyone, signed in or not, reads meetings, their agendas, decisions and action items, and
 *   micro-projects with their vote counts: community affairs are public (居务公开).
 * - Signed-in callers also read a meeting's participants (residents' PII stays masked by the
 *   residents subgraph).
 * - Staff (GRID_WORKER, COMMUNITY_WORKER, STREET_ADMIN, DISTRICT_ADMIN) whose scope covers the lead
 *   host schedule a meeting. Staff whose scope covers any host run it: agenda, invitations,
 *   organisations' replies, attendance, opening, closing, cancelling, decisions and action items.
 * - An invited resident replies for themself; nobody replies for another resident.
 * - Progress on an action item is reported by staff covering the responsible organisation or a
 *   host of the meeting that assigned it.
 * - Staff whose scope covers a community propose its micro-projects, set its vote threshold,
 *   close its voting and start and complete its projects.
 * - A resident (viewer.residentId) votes for themself, only in their own community (asked of the
 *   residents subgraph at vote time).
 * - A resident's invitations, attendance and votes: the resident, staff, analysts and services.
 * - DISTRICT_ADMIN and SERVICE run the action item sweep.
 */

/** Staff covering any host of the meeting run it. */
export function runsMeeting(viewer: Viewer, meeting: { hostPaths: OrganisationPath }): boolean {
  return staffCovers(viewer, meeting.hostPaths);
}

export function requireMeetingRunner(viewer: Viewer, meeting: { hostPaths: OrganisationPath }, refusal: Refusal): void {
  requireStaffCovering(viewer, meeting.hostPaths, refusal);
}

/** The action item sweep: the whole instance for DISTRICT_ADMIN and SERVICE, a subtree for the staff over it and services. */
export const SWEEP_REFUSALS: SweepRefusals = { wholeInstance: runActionItemSweep, outOfScope: runActionItemSweepOutOfScope };
