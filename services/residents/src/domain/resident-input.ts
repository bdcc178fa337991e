import { emptyText, requireIntInRange, textTooLong } from '@civic/service-kit';
import {
  birthYearContradictsIdNumber,
  genderContradictsIdNumber,
  idNumberBornInFuture,
  nameCharacters,
  tooYoungForElderlyCare,
} from '../errors.ts';
import { idNumberFacts } from './contact-numbers.ts';
import type { Gender, SpecialCareTag } from './vocabulary.ts';

/** Rules for the personal facts of a resident, shared by registration and updates. */

export const EARLIEST_BIRTH_YEAR = 1900;
export const NAME_MAX_LENGTH = 30;

// Letters of any script, and the separators of transliterated names (买买提·艾力, Anna-Lena O'Neil).
const NAME_CHARACTERS = /^[\p{L}\p{M}·' -]+$/u;

/** A name as it is stored: NFKC, trimmed, single spaces, one middle dot (names are compared and prefixed in this form). */
export function nameText(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[•・]/g, '·');
}

export function normaliseName(field: string, raw: string): string {
  const name = nameText(raw);
  const length = Array.from(name).length;
  if (length === 0) throw emptyText(field);
  if (length > NAME_MAX_LENGTH) throw textTooLong(field, NAME_MAX_LENGTH);
  if (!NAME_CHARACTERS.test(name)) throw nameCharacters(field);
  return name;
}

export function requireBirthYear(field: string, year: number, currentYear: number): number {
  return requireIntInRange(field, year, EARLIEST_BIRTH_YEAR, currentYear);
}

export interface BirthFacts {
  gender: Gender | null;
  birthYear: number | null;
}

/**
 * Gender and birth year as given, filled in from the ID number when left out; a given value that
 * contradicts the ID number is a typo somewhere, so it is refused.
 */
export function reconcileBirthFacts(given: BirthFacts, idNumber: string | null, currentYear: number): BirthFacts {
  if (given.birthYear !== null) requireBirthYear('birthYear', given.birthYear, currentYear);
  if (idNumber === null) return given;
  const facts = idNumberFacts(idNumber);
  if (facts.birthYear > currentYear) throw idNumberBornInFuture();
  if (given.birthYear !== null && given.birthYear !== facts.birthYear) {
    throw birthYearContradictsIdNumber(given.birthYear, facts.birthYear);
  }
  if (given.gender !== null && given.gender !== facts.gender) throw genderContradictsIdNumber();
  return { gender: facts.gender, birthYear: facts.birthYear };
}

/** Each tag once, in the order given; ELDERLY_80_PLUS only for someone who turns 80 this year or earlier. */
export function normaliseSpecialCare(tags: readonly SpecialCareTag[], birthYear: number | null, currentYear: number): SpecialCareTag[] {
  const unique = [...new Set(tags)];
  if (unique.includes('ELDERLY_80_PLUS') && birthYear !== null && currentYear - birthYear < 80) {
    throw tooYoungForElderlyCare(birthYear);
  }
  return unique;
}
