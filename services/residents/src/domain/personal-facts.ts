import { emptyText } from '@civic/service-kit';
import { normaliseIdNumber, normalisePhone } from './contact-numbers.ts';
import { normaliseName, normaliseSpecialCare, reconcileBirthFacts } from './resident-input.ts';
import type { Gender, SpecialCareTag } from './vocabulary.ts';

/** The personal facts of a resident as stored: normalised, consistent with the ID number. */
export interface PersonalFacts {
  name: string;
  gender: Gender | null;
  birthYear: number | null;
  phone: string | null;
  idNumber: string | null;
  specialCare: SpecialCareTag[];
}

/** As a client sends them: left out (undefined) keeps a value on update, null clears it. */
export interface PersonalFactsInput {
  name?: string | null;
  gender?: Gender | null;
  birthYear?: number | null;
  phone?: string | null;
  idNumber?: string | null;
  specialCare?: readonly SpecialCareTag[] | null;
}

export function registrationFacts(input: PersonalFactsInput, currentYear: number): PersonalFacts {
  return updatedFacts(null, input, currentYear);
}

/** The facts after applying `changes` to `current` (null for a new resident). */
export function updatedFacts(current: PersonalFacts | null, changes: PersonalFactsInput, currentYear: number): PersonalFacts {
  if (changes.name === null || (current === null && changes.name === undefined)) throw emptyText('name');
  const name = changes.name === undefined ? current!.name : normaliseName('name', changes.name);
  const phone = changes.phone === undefined ? (current?.phone ?? null) : changes.phone === null ? null : normalisePhone('phone', changes.phone);
  const idNumberChanged = changes.idNumber !== undefined;
  const idNumber = !idNumberChanged ? (current?.idNumber ?? null) : changes.idNumber === null ? null : normaliseIdNumber('idNumber', changes.idNumber!);
  // A new ID number speaks for gender and birth year unless the client restates them.
  const given = {
    gender: changes.gender !== undefined ? changes.gender : idNumberChanged ? null : (current?.gender ?? null),
    birthYear: changes.birthYear !== undefined ? changes.birthYear : idNumberChanged ? null : (current?.birthYear ?? null),
  };
  const birth = reconcileBirthFacts(given, idNumber, currentYear);
  const tags = changes.specialCare === undefined ? (current?.specialCare ?? []) : (changes.specialCare ?? []);
  return { name, phone, idNumber, ...birth, specialCare: normaliseSpecialCare(tags, birth.birthYear, currentYear) };
}

/** The names of the facts that differ. */
export function changedFacts(before: PersonalFacts, after: PersonalFacts): (keyof PersonalFacts)[] {
  return (Object.keys(after) as (keyof PersonalFacts)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** What a resident may change about themself without staff: how to reach them. */
export const SELF_EDITABLE_FACTS: readonly (keyof PersonalFacts)[] = ['phone'];
