import type { HouseholdDocument, ResidentDocument } from '../models/index.ts';
import { registrationFacts, type PersonalFacts } from '../domain/personal-facts.ts';
import { SPECIAL_CARE_TAGS, type Gender, type RealNameStatus, type SpecialCareTag } from '../domain/vocabulary.ts';
import { addDays, givenName, mobilePhone, REFERENCE_YEAR, surname, type ObjectIdSource, type Random, type Range } from '@civic/seed-kit';
import type { CommunityLayout } from './community-layout.ts';
import { IdNumberRegistry, regionCode, type Origin } from './personal-numbers.ts';
import { POPULATION } from './population.ts';

/** The people of a community's households, with personal facts the residents service would accept. */
export interface CommunityPeople {
  residents: ResidentDocument[];
  byHousehold: Map<HouseholdDocument, ResidentDocument[]>;
}

type SurnameFrom = 'head' | 'spouse' | 'own';

interface Member {
  age: number;
  gender: Gender;
  surname: SurnameFrom;
}

interface HouseholdTraits {
  origin: Origin;
  tags: SpecialCareTag[];
  landless: boolean;
}

const OLDEST = 98;

export function populateCommunity(layout: CommunityLayout, random: Random, ids: ObjectIdSource, registry: IdNumberRegistry): CommunityPeople {
  const resettled = random.chance(POPULATION.resettlementCommunityRate);
  const residents: ResidentDocument[] = [];
  const byHousehold = new Map<HouseholdDocument, ResidentDocument[]>();
  for (const household of layout.households) {
    const members = composition(random, random.weighted(POPULATION.householdSizes));
    const traits = householdTraits(random, resettled, members);
    const names = { head: surname(random), spouse: surname(random) };
    const people = members.map((member) => {
      const name = (member.surname === 'own' ? surname(random) : names[member.surname]) + givenName(random, member.gender);
      return resident(random, ids, registry, household, member, name, traits);
    });
    residents.push(...people);
    byHousehold.set(household, people);
  }
  return { residents, byHousehold };
}

/** Who lives together: singles, couples, a parent and child, or a couple with children and grandparents. */
function composition(random: Random, size: number): Member[] {
  const headGender: Gender = random.chance(0.7) ? 'MALE' : 'FEMALE';
  const otherGender: Gender = headGender === 'MALE' ? 'FEMALE' : 'MALE';
  const spouseAge = (age: number) => Math.max(20, age + random.int(-4, 4));
  const childSurname: SurnameFrom = headGender === 'MALE' ? 'head' : 'spouse';
  const anyGender = (): Gender => (random.chance(0.5) ? 'MALE' : 'FEMALE');
  const elders = (headAge: number, count: number): Member[] =>
    (['MALE', 'FEMALE'] as const).slice(0, count).map((gender) => ({ age: Math.min(OLDEST, headAge + random.int(24, 32)), gender, surname: gender === 'MALE' ? 'head' : 'own' }));

  if (size === 1) return [{ age: ageIn(random, [[[20, 34], 30], [[35, 59], 25], [[60, 79], 30], [[80, 95], 15]]), gender: anyGender(), surname: 'head' }];
  if (size === 2) {
    const kind = random.weighted([['couple', 65], ['parentAndChild', 20], ['elderAndChild', 15]] as const);
    if (kind === 'couple') {
      const age = ageIn(random, [[[25, 34], 30], [[35, 59], 20], [[60, 79], 35], [[80, 92], 15]]);
      return [{ age, gender: headGender, surname: 'head' }, { age: spouseAge(age), gender: otherGender, surname: 'own' }];
    }
    if (kind === 'parentAndChild') {
      const age = random.int(30, 60);
      return [{ age, gender: headGender, surname: 'head' }, { age: random.int(Math.max(0, age - 40), age - 22), gender: anyGender(), surname: 'head' }];
    }
    const age = random.int(35, 60);
    return [{ age, gender: headGender, surname: 'head' }, ...elders(age, 1)];
  }
  const grandparents = size >= 5 ? 2 : size === 4 ? (random.chance(0.45) ? 1 : 0) : random.chance(0.2) ? 1 : 0;
  const childAges = Array.from({ length: size - 2 - grandparents }, () => random.int(0, 28));
  // Parents are 24 to 34 years older than their eldest child; a couple living with a parent is middle-aged.
  const headAge = childAges.length > 0 ? Math.max(...childAges) + random.int(24, 34) : random.int(30, 60);
  return [
    { age: headAge, gender: headGender, surname: 'head' },
    { age: spouseAge(headAge), gender: otherGender, surname: 'own' },
    ...childAges.map((age) => ({ age, gender: anyGender(), surname: childSurname })),
    ...elders(headAge, grandparents),
  ];
}

function ageIn(random: Random, bands: readonly (readonly [Range, number])[]): number {
  return random.within(random.weighted(bands));
}

function householdTraits(random: Random, resettled: boolean, members: readonly Member[]): HouseholdTraits {
  const renter = random.chance(POPULATION.renterHouseholdRate);
  const floating = renter && random.chance(POPULATION.floatingRenterRate);
  const landless = !renter && random.chance(resettled ? POPULATION.landlessFarmerRateResettled : POPULATION.landlessFarmerRateElsewhere);
  const emptyNest = members.length <= 2 && members.every((member) => member.age >= 60) && random.chance(POPULATION.emptyNestTagRate);
  const tags = new Set<SpecialCareTag>();
  if (emptyNest) tags.add('EMPTY_NEST');
  if (random.chance(POPULATION.lowIncomeHouseholdRate)) tags.add('LOW_INCOME');
  if (random.chance(POPULATION.illnessPovertyHouseholdRate)) tags.add('ILLNESS_POVERTY');
  if (renter) tags.add('RENTER');
  if (floating) tags.add('FLOATING');
  const origin: Origin = floating ? 'elsewhere' : landless ? 'local' : random.weighted([['local', 75], ['nanjing', 13], ['elsewhere', 12]] as const);
  return { origin, tags: [...tags], landless };
}

function resident(
  random: Random,
  ids: ObjectIdSource,
  registry: IdNumberRegistry,
  household: HouseholdDocument,
  member: Member,
  name: string,
  traits: HouseholdTraits,
): ResidentDocument {
  const birthYear = REFERENCE_YEAR - member.age;
  // Born no later than the reference date (mid-year) when born in the reference year itself.
  const month = random.int(1, member.age === 0 ? 6 : 12);
  const day = random.int(1, new Date(Date.UTC(birthYear, month, 0)).getUTCDate());
  const hasIdNumber = random.chance(member.age < 16 ? POPULATION.childIdNumberRate : POPULATION.idNumberRate);
  const idNumber = hasIdNumber ? registry.issue(random, regionCode(random, traits.origin), { year: birthYear, month, day }, member.gender) : null;
  const hasPhone = member.age >= 14 && random.chance(member.age >= 80 ? POPULATION.elderlyPhoneRate : POPULATION.phoneRate);
  const tags = new Set(traits.tags);
  if (member.age >= 80 && random.chance(POPULATION.elderlyTagRate)) tags.add('ELDERLY_80_PLUS');
  if (random.chance(POPULATION.disabledRate)) tags.add('DISABLED');
  if (traits.landless && member.age >= 35) tags.add('LANDLESS_FARMER');

  const given: PersonalFacts = {
    name,
    gender: member.gender,
    birthYear,
    phone: hasPhone ? mobilePhone(random) : null,
    idNumber,
    specialCare: SPECIAL_CARE_TAGS.filter((tag) => tags.has(tag)),
  };
  // The residents service's own registration rules: what it would store is what we store.
  const facts = registrationFacts(given, REFERENCE_YEAR);
  const differs = (Object.keys(given) as (keyof PersonalFacts)[]).some((key) => JSON.stringify(facts[key]) !== JSON.stringify(given[key]));
  if (differs) throw new Error(`seed: resident ${name} would be stored differently: ${JSON.stringify(facts)}`);

  const createdAt = addDays(household.createdAt, random.int(0, 30));
  return {
    _id: ids.next(),
    name: facts.name,
    gender: facts.gender,
    birthYear: facts.birthYear,
    phone: facts.phone,
    ...(facts.idNumber === null ? {} : { idNumber: facts.idNumber }),
    verificationStatus: verificationStatus(random, facts.idNumber !== null),
    specialCare: facts.specialCare,
    householdId: household._id,
    gridId: household.gridId,
    communityId: household.communityId,
    organisationPath: household.organisationPath,
    createdAt,
    updatedAt: createdAt,
  };
}

function verificationStatus(random: Random, hasIdNumber: boolean): RealNameStatus {
  if (!hasIdNumber) return 'UNVERIFIED';
  return random.weighted([
    ['VERIFIED', POPULATION.verifiedRate],
    ['PENDING', POPULATION.pendingRate],
    ['UNVERIFIED', 1 - POPULATION.verifiedRate - POPULATION.pendingRate],
  ] as const);
}
