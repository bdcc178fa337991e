import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, idNumberFacts, normaliseIdNumber, normalisePhone } from '../../src/domain/contact-numbers.ts';
import { idNumberBirthDateInvalid, idNumberCheckDigitWrong, idNumberMalformed, phoneNotMobile } from '../../src/errors.ts';

describe('normalisePhone', () => {
  it('keeps a plain mainland mobile number', () => {
    expect(normalisePhone('phone', '13812345678')).toBe('13812345678');
  });

  it('drops spaces, dashes, full-width digits and the +86 prefix', () => {
    expect(normalisePhone('phone', ' 138 1234-5678 ')).toBe('13812345678');
    expect(normalisePhone('phone', '+86 139 0000 1111')).toBe('13900001111');
    expect(normalisePhone('phone', '8615900001111')).toBe('15900001111');
    expect(normalisePhone('phone', '１３８１２３４５６７８')).toBe('13812345678');
  });

  it.each(['12812345678', '1381234567', '025-83123456', '138123456789', '电话号码'])('refuses %s, naming the field', (raw) => {
    expect(() => normalisePhone('phone', raw)).toThrow(phoneNotMobile('phone'));
  });
});

describe('normaliseIdNumber', () => {
  it('computes the GB 11643 check character', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('32010519800101001')).toBe('5');
  });

  it('accepts a valid number and upper-cases a lower-case x', () => {
    expect(normaliseIdNumber('idNumber', '11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdNumber('idNumber', ' 320105198001010015 ')).toBe('320105198001010015');
  });

  it('refuses a wrong check digit', () => {
    expect(() => normaliseIdNumber('idNumber', '320105198001010016')).toThrow(idNumberCheckDigitWrong('idNumber'));
  });

  it('refuses a wrong length or letters in the body', () => {
    const message = idNumberMalformed('idNumber');
    expect(() => normaliseIdNumber('idNumber', '32010519800101001')).toThrow(message);
    expect(() => normaliseIdNumber('idNumber', '3201051980010100A5')).toThrow(message);
  });

  it('refuses a birth date that does not exist', () => {
    // 1980-02-30, with a check character that would otherwise be right.
    const body = '32010519800230001';
    expect(() => normaliseIdNumber('idNumber', body + idNumberCheckCharacter(body))).toThrow(idNumberBirthDateInvalid('idNumber'));
  });
});

describe('idNumberFacts', () => {
  it('reads birth year and gender (odd 17th digit for men)', () => {
    expect(idNumberFacts('320105198001010015')).toEqual({ birthYear: 1980, gender: 'MALE' });
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthYear: 1949, gender: 'FEMALE' });
  });
});
