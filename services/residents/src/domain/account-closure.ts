import { closureNotConfirmed, residentClosed } from '../errors.ts';
import type { AccountClosureReason, ResidentStatus } from './vocabulary.ts';

/**
 * Closing an account (注销): the resident record stays, so that the points ledger and every other
 * department's records keep their shape, but it no longer describes anyone. What it keeps: its id,
 * the community it was registered in (staff in scope read the closed record and its ledger), the
 * dates, and why it closed as a category. Everything else that described the person goes.
 */

/** The name a closed record shows instead of the person's. */
export const CLOSED_RESIDENT_NAME = '已注销居民';

/** What a resident types to close their own account, so that no stray call closes it. */
export const ACCOUNT_CLOSURE_CONFIRMATION = '确认注销';

export function isClosed(resident: { status?: ResidentStatus }): boolean {
  return resident.status === 'CLOSED';
}

/** Refuses an action on a closed record (INVALID_TRANSITION from CLOSED); `action` names it, `CLOSE` for closing twice. */
export function requireOpen(resident: { status?: ResidentStatus }, action: string): void {
  if (isClosed(resident)) throw residentClosed(action);
}

export function requireClosureConfirmed(confirm: string): void {
  if (confirm.trim() !== ACCOUNT_CLOSURE_CONFIRMATION) throw closureNotConfirmed(ACCOUNT_CLOSURE_CONFIRMATION);
}

/**
 * The closed record's facts, set over the person's: name, gender, birth year, special care,
 * verification, household, party membership and volunteer profile are gone. The phone and ID
 * number are cleared by the persistence layer, which knows how they are stored.
 */
export function closedRecordFacts(reason: AccountClosureReason, now: Date) {
  return {
    set: {
      name: CLOSED_RESIDENT_NAME,
      gender: null,
      birthYear: null,
      specialCare: [],
      verificationStatus: 'UNVERIFIED' as const,
      householdId: null,
      status: 'CLOSED' as const,
      closedAt: now,
      closureReason: reason,
      updatedAt: now,
    },
    unset: ['partyMembership', 'volunteerProfile'] as const,
  };
}
