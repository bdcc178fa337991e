import { idNumberCheckCharacter, normaliseIdNumber } from '../domain/contact-numbers.ts';
import type { Gender } from '../domain/vocabulary.ts';
import type { Random } from '@civic/seed-kit';

/** Where people's ID numbers were issued (the first six digits). */
export type Origin = 'local' | 'nanjing' | 'elsewhere';
const JIANYE = '320105';
const OTHER_NANJING = ['320102', '320104', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118'];
const ELSEWHERE = ['340104', '341202', '320321', '321302', '412726', '510104', '420106', '370102', '342401', '320902', '411302', '362101', '330106', '320830'];

export function regionCode(random: Random, origin: Origin): string {
  if (origin === 'local') return JIANYE;
  return random.pick(origin === 'nanjing' ? OTHER_NANJING : ELSEWHERE);
}

/**
 * Issues GB 11643 ID numbers: region, birth date, a sequence whose last digit is odd for men and
 * even for women, and the check character. Each number once: a sparse unique index holds them.
 */
export class IdNumberRegistry {
  private readonly issued = new Set<string>();

  issue(random: Random, region: string, birth: { year: number; month: number; day: number }, gender: Gender): string {
    const date = `${birth.year}${String(birth.month).padStart(2, '0')}${String(birth.day).padStart(2, '0')}`;
    for (;;) {
      const genderDigit = random.int(0, 4) * 2 + (gender === 'MALE' ? 1 : 0);
      const first17 = `${region}${date}${random.digits(2)}${genderDigit}`;
      const idNumber = first17 + idNumberCheckCharacter(first17);
      if (this.issued.has(idNumber)) continue;
      this.issued.add(idNumber);
      // The residents service's own parser: the number must be one it would accept.
      if (normaliseIdNumber('idNumber', idNumber) !== idNumber) throw new Error(`seed: ID number ${idNumber} is not canonical`);
      return idNumber;
    }
  }
}
