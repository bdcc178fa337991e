import { badUserInput, requireIntInRange } from '@civic/service-kit';
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
  if (length === 0) throw badUserInput(field, 'must not be empty');
  if (length > NAME_MAX_LENGTH) throw badUserInput(field, `must have at most ${NAME_MAX_LENGTH} characters`);
  if (!NAME_CHARACTERS.test(name)) throw badUserInput(field, 'may hold only letters, spaces and the separators · - \'');
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
  if (facts.birthYear > currentYear) throw badUserInput('idNumber', 'holds a birth date in the future');
  if (given.birthYear !== null && given.birthYear !== facts.birthYear) {
    throw badUserInput('birthYear', `is ${given.birthYear} but the ID number says ${facts.birthYear}`);
  }
  if (given.gender !== null && given.gender !== facts.gender) throw badUserInput('gender', 'does not match the ID number');
  return { gender: facts.gender, birthYear: facts.birthYear };
}

/** Each tag once, in the order given; ELDERLY_80_PLUS only for someone who turns 80 this year or earlier. */
export function normaliseSpecialCare(tags: readonly SpecialCareTag[], birthYear: number | null, currentYear: number): SpecialCareTag[] {
  const unique = [...new Set(tags)];
  if (unique.includes('ELDERLY_80_PLUS') && birthYear !== null && currentYear - birthYear < 80) {
    throw badUserInput('specialCare', `ELDERLY_80_PLUS needs an age of 80, but the birth year is ${birthYear}`);
  }
  return unique;
}
