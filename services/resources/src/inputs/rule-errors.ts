import { badUserInput } from '@civic/service-kit';
import type { RuleError } from '../domain/opening-hours.ts';

/** Throws a domain rule's error as BAD_USER_INPUT on its field. */
export function rejectRuleError(error: RuleError | null): void {
  if (error) throw badUserInput(error.field, error.message);
}

/** Unwraps a domain result that is either a value or a rule error. */
export function orReject<T extends object>(result: T | { error: RuleError }): T {
  if ('error' in result) throw badUserInput(result.error.field, result.error.message);
  return result;
}
