import type { Random } from './random.ts';

/** Names and mobile numbers as people give them: residents, and organisations' contact persons. */

export type Gender = 'MALE' | 'FEMALE';

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

// Mainland mobile prefixes in use (China Mobile, Unicom, Telecom).
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

export function mobilePhone(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}
