import { idNumberBirthDateInvalid, idNumberCheckDigitWrong, idNumberMalformed, phoneNotMobile } from '../errors.ts';
import type { Gender } from './vocabulary.ts';

/** Phone and ID-number rules: what people type becomes one canonical form, or a clear error. */

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Accepts `138 1234 5678`, `138-1234-5678`, `+86 13812345678`; returns `13812345678`. */
export function normalisePhone(field: string, raw: string): string {
  const digits = raw
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .replace(/^(\+86|0086)/, '')
    .replace(/^86(?=\d{11}$)/, '');
  if (!MAINLAND_MOBILE.test(digits)) throw phoneNotMobile(field);
  return digits;
}

// GB 11643-1999: weights of the first 17 digits, and the check character for each sum mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

export function idNumberCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return ID_CHECK_CHARACTERS[sum % 11]!;
}

/** An 18-character resident ID number with a valid birth date and check character; `x` becomes `X`. */
export function normaliseIdNumber(field: string, raw: string): string {
  const value = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) throw idNumberMalformed(field);
  if (!isCalendarDate(value.slice(6, 14))) throw idNumberBirthDateInvalid(field);
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) throw idNumberCheckDigitWrong(field);
  return value;
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What a valid ID number says about its holder: the 17th digit is odd for men, even for women. */
export function idNumberFacts(idNumber: string): { birthYear: number; gender: Gender } {
  return {
    birthYear: Number(idNumber.slice(6, 10)),
    gender: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
