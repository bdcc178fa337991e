import { requireIntInRange, requireText } from '@civic/service-kit';
import type { PointsSource } from './vocabulary.ts';
import { insufficientPoints, notAnAwardSource } from '../errors.ts';

/**
 * The points ledger (微星光) is append-only. Each entry carries its resident's next sequence number
 * and the running balance after it; a unique index on (resident, sequence) lets only one writer
 * append after a given entry, so a deduction checked against the latest balance can never race
 * another one below zero. The balance is the sum of the entries' amounts.
 */

export const MAX_POINTS_PER_ENTRY = 10_000;
export const REASON_MAX_LENGTH = 200;
export const AWARD_SOURCES: readonly PointsSource[] = ['ACTIVITY', 'WISH', 'AWARD'];

export interface LedgerHead {
  sequence: number;
  balanceAfter: number;
}

/** Where a resident's ledger starts before the first entry. */
export const EMPTY_LEDGER: LedgerHead = { sequence: 0, balanceAfter: 0 };

export function requirePointsAmount(amount: number): number {
  return requireIntInRange('amount', amount, 1, MAX_POINTS_PER_ENTRY);
}

export function requireAwardSource(source: PointsSource): PointsSource {
  if (!AWARD_SOURCES.includes(source)) throw notAnAwardSource();
  return source;
}

export function requireReason(reason: string): string {
  return requireText('reason', reason, { max: REASON_MAX_LENGTH });
}

/** The entry that follows `head` for a signed amount; a balance never goes below zero. */
export function nextLedgerHead(head: LedgerHead, signedAmount: number): LedgerHead {
  const balanceAfter = head.balanceAfter + signedAmount;
  if (balanceAfter < 0) throw insufficientPoints(head.balanceAfter, -signedAmount);
  return { sequence: head.sequence + 1, balanceAfter };
}
