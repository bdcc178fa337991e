/** How a consumer retries an event it failed to apply before parking it. */
export interface RetryPolicy {
  /** Deliveries of one event that fail before it is parked. */
  maxDeliveries: number;
  /** The delay before the second delivery; each further one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Five deliveries over about 7.5 s, then parked. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxDeliveries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** `base`, doubled each attempt after the first, at most `max` (milliseconds). */
export function backoffDelay(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}
