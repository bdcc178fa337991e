import { idNumberCheckCharacter, normaliseIdNumber } from '../../../services/residents/src/domain/contact-numbers.ts';
import type { Gender } from '../../../services/residents/src/domain/vocabulary.ts';
import type { Random } from './random.ts';

/** Names, ID numbers and mobile numbers as residents' records hold them. */

// The 40 most common surnames and roughly how common they are (per cent, ~65% of people in all);
// for the rest, faker's list, which also holds compound surnames such as 欧阳 and 司马.
const COMMON_SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.7], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0], ['吴', 2.0], ['周', 1.9],
  ['徐', 1.5], ['孙', 1.4], ['马', 1.3], ['朱', 1.3], ['胡', 1.2], ['郭', 1.1], ['何', 1.1], ['高', 1.0], ['林', 1.0], ['罗', 0.9],
  ['郑', 0.9], ['梁', 0.9], ['谢', 0.8], ['宋', 0.7], ['唐', 0.7], ['许', 0.7], ['韩', 0.6], ['冯', 0.6], ['邓', 0.6], ['曹', 0.6],
  ['彭', 0.5], ['曾', 0.5], ['肖', 0.5], ['田', 0.5], ['董', 0.5], ['袁', 0.5], ['潘', 0.4], ['于', 0.4], ['蒋', 0.4], ['蔡', 0.4],
];
const OTHER_SURNAMES_RATE = 0.3;

export function surname(random: Random): string {
  if (random.chance(OTHER_SURNAMES_RATE)) return random.faker.person.lastName();
  return random.weighted(COMMON_SURNAMES);
}

export function givenName(random: Random, gender: Gender): string {
  return random.faker.person.firstName(gender === 'MALE' ? 'male' : 'female');
}

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

// Mainland mobile prefixes in use (China Mobile, Unicom, Telecom).
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

export function mobilePhone(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}
