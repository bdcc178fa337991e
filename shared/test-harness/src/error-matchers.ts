import { expect } from 'vitest';
import { errorOf } from './results.ts';
import type { OperationResult } from './subgraph-tester.ts';

/** An error as a client sees it: its code, the field it names (if any), its message. */
export interface ErrorSummary {
  code: unknown;
  field?: unknown;
  message: string;
}

/** Any error with GraphQL extensions: one a factory made, or one a response carried. */
export interface ErrorWithExtensions {
  message: string;
  extensions?: Readonly<Record<string, unknown>> | null;
}

/**
 * The summary of an error, in the shape `errorOf` gives, so that a test compares what the graph
 * answered with what the service's error factory makes rather than with a copy of its message.
 */
export function summaryOf(error: ErrorWithExtensions): ErrorSummary {
  const summary: ErrorSummary = { code: error.extensions?.code, message: error.message };
  if (error.extensions?.field !== undefined) summary.field = error.extensions.field;
  return summary;
}

/** The result failed with exactly the error `expected` (a factory's error): same code, field and message. */
export function expectError(result: OperationResult, expected: ErrorWithExtensions): void {
  expect(errorOf(result)).toEqual(summaryOf(expected));
}
