import { invalidInput, type InputViolation } from '@civic/service-kit';

/** Throws a domain rule's error as BAD_USER_INPUT on its field. */
export function rejectRuleError(error: InputViolation | null): void {
  if (error) throw invalidInput(error);
}

/** Unwraps a domain result that is either a value or a rule error. */
export function orReject<T extends object>(result: T | { error: InputViolation }): T {
  if ('error' in result) throw invalidInput(result.error);
  return result;
}
