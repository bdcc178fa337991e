import type { DisbursementState } from './vocabulary.ts';
import type { RuleError } from './opening-hours.ts';

/** Funds hold fen (1/100 yuan) as integers: no float ever touches money. */

// 1,000,000 yuan: more than a community fund moves at once; a typo's extra zeros are refused.
export const MAX_MOVEMENT_FEN = 100_000_000;

export function amountError(field: string, amountFen: number): RuleError | null {
  if (!Number.isInteger(amountFen) || amountFen < 1 || amountFen > MAX_MOVEMENT_FEN) {
    return { field, message: `must be a whole number of fen from 1 to ${MAX_MOVEMENT_FEN}` };
  }
  return null;
}

/** The balance after a signed movement (negative pays out), or null when it would go below zero. */
export function balanceAfterMovement(balanceFen: number, amountFen: number): number | null {
  return balanceFen + amountFen >= 0 ? balanceFen + amountFen : null;
}

/**
 * How long a movement may hold its fund's next ledger place, or an approval stay under way,
 * before the next movement or approval takes it as abandoned (its process died) and redoes it.
 * A fund movement takes milliseconds; only progress after a crash waits on this, never safety.
 */
export const MOVEMENT_LEASE_MS = 60_000;

export function isAbandoned(since: Date, now: Date): boolean {
  return now.getTime() - since.getTime() >= MOVEMENT_LEASE_MS;
}

/** What clients see: an approval under way is still a proposal. */
export function visibleStatus(state: DisbursementState): 'PROPOSED' | 'APPROVED' | 'REJECTED' {
  return state === 'APPROVING' ? 'PROPOSED' : state;
}

/** Only a proposal is rejected; a decided one stays as it is. */
export function canDecide(state: DisbursementState): boolean {
  return state === 'PROPOSED';
}

/**
 * What an approve call does: claim a proposal, resume an approval whose process died (it is
 * idempotent by the disbursement's id), or stop because another approval is under way or the
 * disbursement is decided.
 */
export function approvalStart(disbursement: { state: DisbursementState; approvingSince: Date | null }, now: Date): 'CLAIM' | 'RESUME' | 'UNDER_WAY' | 'DECIDED' {
  if (disbursement.state === 'PROPOSED') return 'CLAIM';
  if (disbursement.state !== 'APPROVING') return 'DECIDED';
  return disbursement.approvingSince && !isAbandoned(disbursement.approvingSince, now) ? 'UNDER_WAY' : 'RESUME';
}

/** Four eyes: the person who proposed a disbursement may not approve it. */
export function mayApprove(proposedBy: string, approver: string): boolean {
  return proposedBy !== approver;
}
