import { Types } from 'mongoose';
import { badUserInput } from './errors.ts';
import { isHexId } from './object-ids.ts';

/** Input checks shared by all subgraphs; each names the offending field. */

export function parseId(field: string, value: string): Types.ObjectId {
  if (!isHexId(value)) throw badUserInput(field, 'is not a valid id');
  return new Types.ObjectId(value);
}

export function parseIds(field: string, values: readonly string[]): Types.ObjectId[] {
  return values.map((value) => parseId(field, value));
}

export function requireText(field: string, value: string, { min = 1, max }: { min?: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw badUserInput(field, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
  if (trimmed.length > max) throw badUserInput(field, `must have at most ${max} characters`);
  return trimmed;
}

export function requireIntInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function requireMatch(field: string, value: string, pattern: RegExp, description: string): string {
  if (!pattern.test(value)) throw badUserInput(field, `must be ${description}`);
  return value;
}
