import { requireIntInRange, requireText } from '@civic/service-kit';
import { MAX_POINTS_PER_ENTRY, requireReason } from './points.ts';
import { spendingReferenceReused, spendingVoided } from '../errors.ts';

/**
 * Spending points (微星光) for priority, as one step of the spender's saga. The spender names each
 * spending by its own reference, and a reference admits one deduction and one refund, whatever
 * arrives twice or late: a spend repeated answers the first; a refund that arrives before its spend
 * (the spender timed out and compensated) voids the reference, so the late spend is refused and
 * cannot take the points for good.
 */

export const POINTS_SPENDING_STATUSES = ['SPENT', 'REFUNDED', 'VOIDED'] as const;
export type PointsSpendingStatus = (typeof POINTS_SPENDING_STATUSES)[number];

export const REFERENCE_MAX_LENGTH = 64;

export interface SpendingRequest {
  reference: string;
  residentId: string;
  points: number;
  reason: string;
}

export interface RecordedSpending {
  residentId: string;
  points: number;
  status: PointsSpendingStatus;
}

export function requireSpendingRequest(input: SpendingRequest): SpendingRequest {
  return {
    reference: requireText('reference', input.reference, { max: REFERENCE_MAX_LENGTH }),
    residentId: input.residentId,
    points: requireIntInRange('points', input.points, 1, MAX_POINTS_PER_ENTRY),
    reason: requireReason(input.reason),
  };
}

/** What a spend does given what its reference already recorded: deduct, or answer the recorded spending. */
export function spendDecision(recorded: RecordedSpending | null, request: SpendingRequest): 'DEDUCT' | 'ANSWER_RECORDED' {
  if (!recorded) return 'DEDUCT';
  requireSameSpending(recorded, request);
  if (recorded.status === 'VOIDED') throw spendingVoided();
  return 'ANSWER_RECORDED';
}

/** What a refund does: void a reference never spent, give back a spending, or answer one already closed. */
export function refundDecision(recorded: RecordedSpending | null, request: SpendingRequest): 'VOID' | 'REFUND' | 'ANSWER_RECORDED' {
  if (!recorded) return 'VOID';
  requireSameSpending(recorded, request);
  return recorded.status === 'SPENT' ? 'REFUND' : 'ANSWER_RECORDED';
}

function requireSameSpending(recorded: RecordedSpending, request: SpendingRequest): void {
  if (recorded.residentId !== request.residentId || recorded.points !== request.points) throw spendingReferenceReused();
}
