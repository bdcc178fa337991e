import type { GraphResponse } from '@civic/test-harness';

/**
 * What one caller gets for one personal field: the exact value, the exact mask, null, or a refusal
 * with no partial data (the field null and every error of that code).
 */
export type Outcome =
  | { kind: 'VALUE'; value: unknown }
  | { kind: 'MASKED'; value: unknown }
  | { kind: 'NULL' }
  | { kind: 'FORBIDDEN' }
  | { kind: 'UNAUTHENTICATED' };

export const VALUE = (value: unknown): Outcome => ({ kind: 'VALUE', value });
export const MASKED = (value: unknown): Outcome => ({ kind: 'MASKED', value });
export const NULL: Outcome = { kind: 'NULL' };
export const FORBIDDEN: Outcome = { kind: 'FORBIDDEN' };
export const UNAUTHENTICATED: Outcome = { kind: 'UNAUTHENTICATED' };

/** The value at `path` of an answer's data; null where any step is missing. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = data;
  for (const step of path) {
    if (value === null || value === undefined) return null;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value ?? null;
}

/** The outcome an answer shows, in the same words as the expectations, so a failing cell reads as the two outcomes side by side. */
export function outcomeOf(response: GraphResponse, path: readonly (string | number)[], expected: Outcome): Outcome | { kind: 'ERRORS'; codes: unknown[]; value: unknown } {
  const value = valueAt(response.data, path);
  const codes = [...new Set(response.errors.map((error) => error.extensions?.code))];
  if (codes.length === 1 && (codes[0] === 'FORBIDDEN' || codes[0] === 'UNAUTHENTICATED') && value === null) return { kind: codes[0] };
  if (codes.length > 0) return { kind: 'ERRORS', codes, value };
  if (value === null) return NULL;
  // A value and a mask are both exact values; which one is meant is the expectation's to say.
  return expected.kind === 'MASKED' ? MASKED(value) : VALUE(value);
}
