import type { RuleError } from '../domain/opening-hours.ts';
import { invalidInput } from '../errors.ts';

/** Throws a domain rule's error as BAD_USER_INPUT on its field. */
export function rejectRuleError(error: RuleError | null): void {
  if (error) throw invalidInput(error);
}

/** Unwraps a domain result that is either a value or a rule error. */
export function orReject<T extends object>(result: T | { error: RuleError }): T {
  if ('error' in result) throw invalidInput(result.error);
  return result;
}
