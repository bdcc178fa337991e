import type { RealNameStatus } from './vocabulary.ts';

/**
 * Real-name verification (实名认证): a resident (or staff for them) submits, staff approve or
 * reject. Changing the name or ID number of a submitted or verified resident starts over.
 */
export type RealNameAction = 'SUBMIT' | 'APPROVE' | 'REJECT';

export const REAL_NAME_TRANSITIONS: Record<RealNameAction, { from: RealNameStatus; to: RealNameStatus }> = {
  SUBMIT: { from: 'UNVERIFIED', to: 'PENDING' },
  APPROVE: { from: 'PENDING', to: 'VERIFIED' },
  REJECT: { from: 'PENDING', to: 'UNVERIFIED' },
};

/** Only staff decide; the resident may only submit. */
export function isDecision(action: RealNameAction): boolean {
  return action !== 'SUBMIT';
}

export function statusAfterIdentityChange(status: RealNameStatus, nameOrIdNumberChanged: boolean): RealNameStatus {
  return nameOrIdNumberChanged ? 'UNVERIFIED' : status;
}
