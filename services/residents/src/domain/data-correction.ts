import { requireText } from '@civic/service-kit';
import { proposedBirthYearNotAYear, proposedGenderUnknown, proposedTagUnknown, rejectionWithoutReason } from '../errors.ts';
import type { PersonalFactsInput } from './personal-facts.ts';
import { GENDERS, SPECIAL_CARE_TAGS, type Gender, type SpecialCareTag } from './vocabulary.ts';

/**
 * A resident's request to correct a fact the graph holds about them (查询更正): they propose a
 * value, their community's staff accept or reject it once. Accepting applies the value to the
 * resident, checked as updateResident checks it, except the household address: a household is
 * shared by its members, so staff correct it by moving the resident (moveResidentToHousehold).
 */

export const CORRECTABLE_FACTS = ['NAME', 'PHONE', 'ID_NUMBER', 'BIRTH_YEAR', 'GENDER', 'SPECIAL_CARE', 'HOUSEHOLD_ADDRESS'] as const;
export type CorrectableFact = (typeof CORRECTABLE_FACTS)[number];

export const DATA_CORRECTION_STATUSES = ['OPEN', 'ACCEPTED', 'REJECTED'] as const;
export type DataCorrectionStatus = (typeof DATA_CORRECTION_STATUSES)[number];

export const PROPOSED_VALUE_MAX_LENGTH = 200;
export const CORRECTION_NOTE_MAX_LENGTH = 500;

/** The proposed value as sent: trimmed and bounded; empty asks to clear the fact. */
export function proposedValueText(raw: string): string {
  return requireText('proposedValue', raw, { min: 0, max: PROPOSED_VALUE_MAX_LENGTH });
}

/** A note (the resident's or the decision's): trimmed, bounded; empty is none. */
export function correctionNote(field: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const note = requireText(field, raw, { min: 0, max: CORRECTION_NOTE_MAX_LENGTH });
  return note === '' ? null : note;
}

/** A rejection tells the resident why. */
export function decisionNote(accept: boolean, raw: string | null | undefined): string | null {
  const note = correctionNote('note', raw);
  if (!accept && note === null) throw rejectionWithoutReason();
  return note;
}

/** The update a proposed value makes, as updateResident's input; null for the address, which staff apply by a move. */
export function correctionChanges(fact: CorrectableFact, value: string): PersonalFactsInput | null {
  const cleared = value === '';
  switch (fact) {
    case 'NAME':
      return { name: value };
    case 'PHONE':
      return { phone: cleared ? null : value };
    case 'ID_NUMBER':
      return { idNumber: cleared ? null : value };
    case 'BIRTH_YEAR':
      return { birthYear: cleared ? null : wholeYear(value) };
    case 'GENDER':
      return { gender: cleared ? null : gender(value) };
    case 'SPECIAL_CARE':
      return { specialCare: cleared ? [] : tags(value) };
    case 'HOUSEHOLD_ADDRESS':
      return null;
  }
}

function wholeYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw proposedBirthYearNotAYear();
  return Number(value);
}

function gender(value: string): Gender {
  const upper = value.toUpperCase();
  if (!(GENDERS as readonly string[]).includes(upper)) throw proposedGenderUnknown(GENDERS);
  return upper as Gender;
}

/** Tags separated by commas or spaces (ELDERLY_80_PLUS, DISABLED). */
function tags(value: string): SpecialCareTag[] {
  return value
    .split(/[\s,，]+/)
    .filter((tag) => tag !== '')
    .map((tag) => {
      const upper = tag.toUpperCase();
      if (!(SPECIAL_CARE_TAGS as readonly string[]).includes(upper)) throw proposedTagUnknown(tag, SPECIAL_CARE_TAGS);
      return upper as SpecialCareTag;
    });
}
