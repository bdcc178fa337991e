/**
 * Age bands of residents' aggregates. A resident's age is the China calendar year less their birth
 * year (the age they reach this year): residents record a birth year, not a birthday.
 */
export const AGE_BANDS = ['0-17', '18-34', '35-59', '60-79', '80+', 'UNKNOWN'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const LOWER_BOUNDS: readonly [number, AgeBand][] = [
  [80, '80+'],
  [60, '60-79'],
  [35, '35-59'],
  [18, '18-34'],
  [0, '0-17'],
];

export function ageBandOf(birthYear: number | null, year: number): AgeBand {
  if (birthYear === null || birthYear > year) return 'UNKNOWN';
  const age = year - birthYear;
  return LOWER_BOUNDS.find(([lower]) => age >= lower)![1];
}
