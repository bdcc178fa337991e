import type { InputViolation } from '@civic/service-kit';

/**
 * Door-to-door mobilisation of a micro-grid (Chengdu: 30–100 households reached within 3 hours).
 *
 * The households to reach are fixed when it starts. Each visit of a household is kept; the
 * household's standing outcome is that of its latest visit by time of visit (a NOT_AT_HOME at 9:00
 * then REACHED at 9:40 stands REACHED, whichever was recorded first).
 *
 * Full coverage: every household answered the door, REACHED or REFUSED (a refusal is an answer the
 * grid heard; visiting again changes nothing). NOT_AT_HOME and unvisited households are still owed.
 * At full coverage the mobilisation is COMPLETED; still short of it at its deadline, the sweep marks
 * it OVERDUE (and tells the community), and visits go on until it is covered or closed. Staff close
 * a mobilisation that is no longer needed (CLOSED). COMPLETED and CLOSED take no more visits.
 */

export const MOBILISATION_STATUSES = ['OPEN', 'COMPLETED', 'OVERDUE', 'CLOSED'] as const;
export type MobilisationStatus = (typeof MOBILISATION_STATUSES)[number];

export const VISIT_OUTCOMES = ['REACHED', 'NOT_AT_HOME', 'REFUSED'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** Chengdu's standard, the deadline when none is given. */
export const DEFAULT_MOBILISATION_HOURS = 3;
/** Door to door is work of hours: a deadline further away is no mobilisation. */
export const MAX_MOBILISATION_DAYS = 7;
export const MAX_REASON_LENGTH = 500;
export const MAX_VISIT_NOTE_LENGTH = 500;

const HOUR_MS = 3_600_000;

/** Statuses that still take visits; also those a grid may have only one of at a time. */
export const ACTIVE_STATUSES: readonly MobilisationStatus[] = ['OPEN', 'OVERDUE'];

export function isActive(status: MobilisationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The deadline of a mobilisation started at `startedAt`: the one given, or 3 hours on. */
export function deadlineOf(startedAt: Date, given: Date | null): Date {
  return given ?? new Date(startedAt.getTime() + DEFAULT_MOBILISATION_HOURS * HOUR_MS);
}

export function deadlineViolation(startedAt: Date, deadline: Date): InputViolation | null {
  if (deadline.getTime() <= startedAt.getTime()) return { field: 'deadline', message: 'must be after the start' };
  if (deadline.getTime() > startedAt.getTime() + MAX_MOBILISATION_DAYS * 24 * HOUR_MS) return { field: 'deadline', message: `must be within ${MAX_MOBILISATION_DAYS} days of the start` };
  return null;
}

/** A visit's time lies between the start and now. */
export function visitTimeViolation(startedAt: Date, at: Date, now: Date): InputViolation | null {
  if (at.getTime() < startedAt.getTime()) return { field: 'at', message: 'must not be before the mobilisation started' };
  if (at.getTime() > now.getTime()) return { field: 'at', message: 'must not be in the future' };
  return null;
}

export interface Standing {
  householdId: string;
  outcome: VisitOutcome;
  at: Date;
}

/** The standings after a visit: the household's own replaced when the visit is not older than it. */
export function withVisit(standings: readonly Standing[], visit: Standing): Standing[] {
  const current = standings.find((standing) => standing.householdId === visit.householdId);
  if (!current) return [...standings, visit];
  if (visit.at.getTime() < current.at.getTime()) return [...standings];
  return standings.map((standing) => (standing === current ? visit : standing));
}

export interface Coverage {
  households: number;
  reached: number;
  notAtHome: number;
  refused: number;
  unvisited: number;
  /** Households answered (REACHED or REFUSED) over all, to 4 decimals. */
  share: number;
}

export function coverageOf(households: number, standings: readonly Standing[]): Coverage {
  const count = (outcome: VisitOutcome) => standings.filter((standing) => standing.outcome === outcome).length;
  const reached = count('REACHED');
  const refused = count('REFUSED');
  const share = households === 0 ? 0 : Math.round(((reached + refused) / households) * 10_000) / 10_000;
  return { households, reached, notAtHome: count('NOT_AT_HOME'), refused, unvisited: households - standings.length, share };
}

export function isFullyCovered(coverage: Coverage): boolean {
  return coverage.reached + coverage.refused === coverage.households;
}
