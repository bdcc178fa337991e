import { describe, expect, it } from 'vitest';
import { emptyText, textTooLong, notWholeNumberInRange } from '@civic/service-kit';
import { changedFacts, registrationFacts, updatedFacts, type PersonalFacts } from '../../src/domain/personal-facts.ts';
import { normaliseName } from '../../src/domain/resident-input.ts';
import { birthYearContradictsIdNumber, genderContradictsIdNumber, nameCharacters, tooYoungForElderlyCare } from '../../src/errors.ts';

const YEAR = 2025;

describe('registrationFacts', () => {
  it('normalises every fact and fills gender and birth year from the ID number', () => {
    expect(registrationFacts({ name: ' 赵小明 ', phone: '138-1234-5678', idNumber: '320105198001010015', specialCare: ['RENTER', 'RENTER'] }, YEAR)).toEqual({
      name: '赵小明',
      gender: 'MALE',
      birthYear: 1980,
      phone: '13812345678',
      idNumber: '320105198001010015',
      specialCare: ['RENTER'],
    });
  });

  it('keeps what was given when there is no ID number', () => {
    expect(registrationFacts({ name: '钱芳', gender: 'FEMALE', birthYear: 1990 }, YEAR)).toEqual({
      name: '钱芳',
      gender: 'FEMALE',
      birthYear: 1990,
      phone: null,
      idNumber: null,
      specialCare: [],
    });
  });

  it('refuses a birth year that contradicts the ID number', () => {
    expect(() => registrationFacts({ name: '孙伟', birthYear: 1981, idNumber: '320105198001010015' }, YEAR)).toThrow(
      birthYearContradictsIdNumber(1981, 1980),
    );
  });

  it('refuses a gender that contradicts the ID number', () => {
    expect(() => registrationFacts({ name: '孙伟', gender: 'FEMALE', idNumber: '320105198001010015' }, YEAR)).toThrow(
      genderContradictsIdNumber(),
    );
  });

  it('refuses birth years outside 1900 to this year', () => {
    const message = notWholeNumberInRange('birthYear', 1900, 2025);
    expect(() => registrationFacts({ name: '李四', birthYear: 1899 }, YEAR)).toThrow(message);
    expect(() => registrationFacts({ name: '李四', birthYear: 2026 }, YEAR)).toThrow(message);
  });

  it('refuses ELDERLY_80_PLUS for someone younger than 80', () => {
    expect(() => registrationFacts({ name: '周老伯', birthYear: 1946, specialCare: ['ELDERLY_80_PLUS'] }, YEAR)).toThrow(
      tooYoungForElderlyCare(1946),
    );
    expect(registrationFacts({ name: '周老伯', birthYear: 1945, specialCare: ['ELDERLY_80_PLUS'] }, YEAR).specialCare).toEqual(['ELDERLY_80_PLUS']);
  });

  it('requires a name', () => {
    expect(() => registrationFacts({ name: '   ' }, YEAR)).toThrow(emptyText('name'));
    expect(() => registrationFacts({}, YEAR)).toThrow(emptyText('name'));
  });
});

describe('updatedFacts', () => {
  const current: PersonalFacts = {
    name: '吴敏',
    gender: 'MALE',
    birthYear: 1980,
    phone: '13812345678',
    idNumber: '320105198001010015',
    specialCare: ['RENTER'],
  };

  it('keeps left-out facts and clears nulls', () => {
    expect(updatedFacts(current, { phone: null, specialCare: null }, YEAR)).toEqual({ ...current, phone: null, specialCare: [] });
  });

  it('lets a new ID number speak for gender and birth year', () => {
    expect(updatedFacts(current, { idNumber: '320106199002200049' }, YEAR)).toEqual({
      ...current,
      idNumber: '320106199002200049',
      gender: 'FEMALE',
      birthYear: 1990,
    });
  });

  it('refuses a birth year that contradicts the stored ID number', () => {
    expect(() => updatedFacts(current, { birthYear: 1985 }, YEAR)).toThrow(birthYearContradictsIdNumber(1985, 1980));
  });

  it('lists exactly the facts that changed', () => {
    const after = updatedFacts(current, { phone: '13900001111', name: '吴敏' }, YEAR);
    expect(changedFacts(current, after)).toEqual(['phone']);
  });
});

describe('normaliseName', () => {
  it('collapses spaces and unifies the dot of transliterated names', () => {
    expect(normaliseName('name', ' 买买提•艾力 ')).toBe('买买提·艾力');
  });

  it('refuses digits and overlong names', () => {
    expect(() => normaliseName('name', '张3')).toThrow(nameCharacters('name'));
    expect(() => normaliseName('name', '张'.repeat(31))).toThrow(textTooLong('name', 30));
  });
});
