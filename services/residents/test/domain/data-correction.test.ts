import { describe, expect, it } from 'vitest';
import { textTooLong } from '@civic/service-kit';
import { correctionChanges, correctionNote, decisionNote, proposedValueText } from '../../src/domain/data-correction.ts';
import { proposedBirthYearNotAYear, proposedGenderUnknown, proposedTagUnknown, rejectionWithoutReason } from '../../src/errors.ts';

describe('correctionChanges', () => {
  it('turns a proposed value into the update of its fact', () => {
    expect(correctionChanges('NAME', '王秀兰')).toEqual({ name: '王秀兰' });
    expect(correctionChanges('PHONE', '139 1234 5678')).toEqual({ phone: '139 1234 5678' });
    expect(correctionChanges('ID_NUMBER', '320106196001010020')).toEqual({ idNumber: '320106196001010020' });
    expect(correctionChanges('BIRTH_YEAR', '1961')).toEqual({ birthYear: 1961 });
    expect(correctionChanges('GENDER', 'female')).toEqual({ gender: 'FEMALE' });
    expect(correctionChanges('SPECIAL_CARE', 'disabled, LOW_INCOME，RENTER')).toEqual({ specialCare: ['DISABLED', 'LOW_INCOME', 'RENTER'] });
  });

  it('clears a fact for an empty value, except the name, which the update refuses to clear', () => {
    expect(correctionChanges('PHONE', '')).toEqual({ phone: null });
    expect(correctionChanges('ID_NUMBER', '')).toEqual({ idNumber: null });
    expect(correctionChanges('BIRTH_YEAR', '')).toEqual({ birthYear: null });
    expect(correctionChanges('GENDER', '')).toEqual({ gender: null });
    expect(correctionChanges('SPECIAL_CARE', '')).toEqual({ specialCare: [] });
    expect(correctionChanges('NAME', '')).toEqual({ name: '' });
  });

  it('leaves the household address to staff, who move the resident', () => {
    expect(correctionChanges('HOUSEHOLD_ADDRESS', '3栋2单元301室')).toBeNull();
  });

  it('refuses a value that is no value of its fact, naming the fact', () => {
    expect(() => correctionChanges('BIRTH_YEAR', '六一年')).toThrow(proposedBirthYearNotAYear());
    expect(() => correctionChanges('BIRTH_YEAR', '61')).toThrow(proposedBirthYearNotAYear());
    expect(() => correctionChanges('GENDER', 'OTHER')).toThrow(proposedGenderUnknown(['MALE', 'FEMALE']));
    expect(() => correctionChanges('SPECIAL_CARE', 'DISABLED, POOR')).toThrow(proposedTagUnknown('POOR', ['ELDERLY_80_PLUS', 'DISABLED', 'EMPTY_NEST', 'LOW_INCOME', 'LANDLESS_FARMER', 'ILLNESS_POVERTY', 'FLOATING', 'RENTER']));
  });
});

describe('texts of a correction', () => {
  it('trims and bounds the proposed value and the notes; an empty note is none', () => {
    expect(proposedValueText('  13912345678 ')).toBe('13912345678');
    expect(proposedValueText('   ')).toBe('');
    expect(() => proposedValueText('x'.repeat(201))).toThrow(textTooLong('proposedValue', 200));
    expect(correctionNote('note', '  换了新号码 ')).toBe('换了新号码');
    expect(correctionNote('note', ' ')).toBeNull();
    expect(correctionNote('note', undefined)).toBeNull();
    expect(() => correctionNote('note', 'x'.repeat(501))).toThrow(textTooLong('note', 500));
  });

  it('asks a rejection for its reason, not an acceptance', () => {
    expect(decisionNote(true, null)).toBeNull();
    expect(decisionNote(false, '需提供残疾证')).toBe('需提供残疾证');
    expect(() => decisionNote(false, '  ')).toThrow(rejectionWithoutReason());
  });
});
