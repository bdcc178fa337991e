import { Types } from 'mongoose';
import { emptyText, notAnId, notMatching, notWholeNumberInRange, textTooLong, textTooShort } from './input-errors.ts';
import { isHexId } from './object-ids.ts';

/** Input checks shared by all subgraphs; each names the offending field. */

export function parseId(field: string, value: string): Types.ObjectId {
  if (!isHexId(value)) throw notAnId(field);
  return new Types.ObjectId(value);
}

export function parseIds(field: string, values: readonly string[]): Types.ObjectId[] {
  return values.map((value) => parseId(field, value));
}

export function requireText(field: string, value: string, { min = 1, max }: { min?: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw min === 1 ? emptyText(field) : textTooShort(field, min);
  if (trimmed.length > max) throw textTooLong(field, max);
  return trimmed;
}

export function requireIntInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw notWholeNumberInRange(field, min, max);
  return value;
}

export function requireMatch(field: string, value: string, pattern: RegExp, description: string): string {
  if (!pattern.test(value)) throw notMatching(field, description);
  return value;
}
