import type { DisbursementState } from './vocabulary.ts';
import type { InputViolation } from '@civic/service-kit';

/** Funds hold fen (1/100 yuan) as integers: no float ever touches money. */

// 1,000,000 yuan: more than a community fund moves at once; a typo's extra zeros are refused.
export const MAX_MOVEMENT_FEN = 100_000_000;

export function amountOutOfRange(field: string): InputViolation {
  return { field, message: `must be a whole number of fen from 1 to ${MAX_MOVEMENT_FEN}` };
}

export function amountError(field: string, amountFen: number): InputViolation | null {
  if (!Number.isInteger(amountFen) || amountFen < 1 || amountFen > MAX_MOVEMENT_FEN) {
    return amountOutOfRange(field);
  }
  return null;
}

/** The balance after a signed movement (negative pays out), or null when it would go below zero. */
export function balanceAfterMovement(balanceFen: number, amountFen: number): number | null {
  return balanceFen + amountFen >= 0 ? balanceFen + amountFen : null;
}

/** Only a proposal is approved or rejected; a decided one stays as it is. */
export function canDecide(state: DisbursementState): boolean {
  return state === 'PROPOSED';
}

/** Four eyes: the person who proposed a disbursement may not approve it. */
export function mayApprove(proposedBy: string, approver: string): boolean {
  return proposedBy !== approver;
}
