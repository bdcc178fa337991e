import type { Types } from 'mongoose';

/**
 * Keys that order a waiting list and leave room between any two, so that one application can move
 * ahead of others by one write of its own key. A key is a string of hexadecimal digits read as a
 * fraction (0.d1d2d3…), so string order is numeric order; no key ends in 0, which keeps a key
 * between any two (fractional indexing).
 */

const DIGITS = '0123456789abcdef';

/** Where an application stands before any priority: its order of application (time, then id). */
export function initialQueueKey(appliedAt: Date, id: Types.ObjectId): string {
  return `${appliedAt.getTime().toString(16).padStart(12, '0')}${id.toHexString()}1`;
}

/** A key after `before` (null: the front of the list) and before `after`. */
export function keyBetween(before: string | null, after: string): string {
  if (before !== null && before >= after) throw new Error(`No queue key between ${before} and ${after}`);
  return midpoint(before ?? '', after);
}

function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    // Keep the digits both share, and split where they part.
    let shared = 0;
    while ((low[shared] ?? '0') === high[shared]) shared++;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
  }
  const lowDigit = low ? DIGITS.indexOf(low[0]!) : 0;
  const highDigit = high !== null ? DIGITS.indexOf(high[0]!) : DIGITS.length;
  if (highDigit - lowDigit > 1) return DIGITS[Math.round((lowDigit + highDigit) / 2)]!;
  // Neighbouring digits: the high one alone, if high goes on after it; else low's digit and room after low's rest.
  if (high !== null && high.length > 1) return high.slice(0, 1);
  return DIGITS[lowDigit]! + midpoint(low.slice(1), null);
}
