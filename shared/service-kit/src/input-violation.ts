import type { GraphQLError } from 'graphql';
import { badUserInput } from './errors.ts';

/**
 * A domain rule's objection to an input: the field to blame and what is wrong with it. Domain
 * files name each violation once (`startsInThePast()`, ...) without knowing GraphQL; resolvers
 * and tests turn one into the client's error with `invalidInput`.
 */
export interface InputViolation {
  field: string;
  message: string;
}

/** The BAD_USER_INPUT error of a violation; `fieldPrefix` places its field inside an input object (`input.`). */
export function invalidInput(violation: InputViolation, fieldPrefix = ''): GraphQLError {
  return badUserInput(`${fieldPrefix}${violation.field}`, violation.message);
}
