import type { GraphQLError } from 'graphql';
import { badUserInput } from './errors.ts';

/**
 * The BAD_USER_INPUT errors of the kit's shared input checks, named once: the checks throw them
 * and tests compare answers with them. Each names the offending field.
 */

export function notAnId(field: string): GraphQLError {
  return badUserInput(field, 'is not a valid id');
}

export function emptyText(field: string): GraphQLError {
  return badUserInput(field, 'must not be empty');
}

export function textTooShort(field: string, min: number): GraphQLError {
  return badUserInput(field, `must have at least ${min} characters`);
}

export function textTooLong(field: string, max: number): GraphQLError {
  return badUserInput(field, `must have at most ${max} characters`);
}

export function notWholeNumberInRange(field: string, min: number, max: number): GraphQLError {
  return badUserInput(field, `must be a whole number from ${min} to ${max}`);
}

/** A value that does not have the shape `description` names ("a mobile number", ...). */
export function notMatching(field: string, description: string): GraphQLError {
  return badUserInput(field, `must be ${description}`);
}

export function controlCharacters(field: string): GraphQLError {
  return badUserInput(field, 'must not contain control characters');
}

export function notACursor(): GraphQLError {
  return badUserInput('after', 'is not a cursor from this listing');
}

export function longitudeOutOfRange(field: string): GraphQLError {
  return badUserInput(`${field}.longitude`, 'must be between -180 and 180');
}

export function latitudeOutOfRange(field: string): GraphQLError {
  return badUserInput(`${field}.latitude`, 'must be between -90 and 90');
}
