import { describe, expect, it } from 'vitest';
import { ageBandOf } from '../../src/domain/age-bands.ts';

describe('ageBandOf', () => {
  it('puts each age reached this year in its band, at both edges', () => {
    const births = [2025, 2008, 2007, 1991, 1990, 1966, 1965, 1946, 1945, 1920];
    expect(births.map((birthYear) => ageBandOf(birthYear, 2025))).toEqual(['0-17', '0-17', '18-34', '18-34', '35-59', '35-59', '60-79', '60-79', '80+', '80+']);
  });

  it('answers UNKNOWN without a birth year, or for one after this year', () => {
    expect([ageBandOf(null, 2025), ageBandOf(2026, 2025)]).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
