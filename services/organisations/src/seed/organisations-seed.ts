import type { OrganisationDocument } from '../models/organisation.ts';
import { placementError, positionUnder, type OrganisationKind } from '../domain/organisation-tree.ts';
import { isPhoneNumber } from '../domain/contact.ts';
import { MAX_ADDRESS_LENGTH, MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import {
  addDays,
  chinaTime,
  fixedDateBetween,
  ORDINALS,
  type CommunityOrganisations as CommunityReferences,
  type GeoPoint,
  type ObjectIdSource,
  type Random,
  type Range,
  type StreetOrganisations as StreetReferences,
} from '@civic/seed-kit';
import {
  COMMUNITY_NAME_FIRST,
  COMMUNITY_NAME_SECOND,
  COMPOUND_STEMS,
  COMPOUND_SUFFIXES,
  DEPARTMENT_TEMPLATES,
  DISTRICT,
  DISTRICT_CENTRE,
  DISTRICT_UNITS,
  JIANGXINZHOU_CENTRE,
  JIANGXINZHOU_COMMUNITIES,
  PROPERTY_BRANDS,
  STREET_PLACES,
  STREET_UNIT_TEMPLATES,
  VOLUNTEER_TEAM_TEMPLATES,
} from './text/place-names.ts';

export type CommunityOrganisations = CommunityReferences<OrganisationDocument>;
export type StreetOrganisations = StreetReferences<OrganisationDocument>;

export interface OrganisationTree {
  district: OrganisationDocument;
  streets: StreetOrganisations[];
  /** Every organisation, parents before children. */
  all: OrganisationDocument[];
}

/** How many streets, communities and bodies the tree holds (the seed's scale plan). */
export interface TreePlan {
  streets: number;
  communitiesPerStreet: Range;
  householdsPerCommunity: Range;
  /** Government departments (police station, market regulation...) under each street. */
  departmentsPerStreet: Range;
  branchesPerCommunity: Range;
  groupsPerBranch: Range;
  coBuildingUnitsPerCommunity: Range;
  volunteerTeamsPerCommunity: number;
}

/** Adds organisations the way createOrganisation would accept them: allowed parent, unique sibling names. */
class TreeBuilder {
  readonly all: OrganisationDocument[] = [];
  private readonly siblingNames = new Set<string>();

  constructor(
    private readonly ids: ObjectIdSource,
    private readonly random: Random,
  ) {}

  add(kind: OrganisationKind, name: string, parent: OrganisationDocument | null, contact: { phone?: string; address?: string } = {}): OrganisationDocument {
    const problem = placementError(kind, parent?.kind ?? null);
    if (problem) throw new Error(`seed: ${name}: ${problem}`);
    const siblingKey = `${parent?._id.toHexString() ?? 'root'}:${name}`;
    if (this.siblingNames.has(siblingKey) || name.length > MAX_NAME_LENGTH) throw new Error(`seed: organisation name ${name} is taken or too long`);
    if (contact.phone !== undefined && !isPhoneNumber(contact.phone)) throw new Error(`seed: bad phone ${contact.phone}`);
    if (contact.address !== undefined && contact.address.length > MAX_ADDRESS_LENGTH) throw new Error(`seed: address too long: ${contact.address}`);
    this.siblingNames.add(siblingKey);
    const _id = this.ids.next();
    const created = parent ? fixedDateBetween(this.random, parent.createdAt, addDays(parent.createdAt, 400)) : chinaTime(2018, 1, 2, 9);
    const organisation: OrganisationDocument = {
      _id,
      name,
      kind,
      parentId: parent?._id ?? null,
      ...positionUnder(parent?.path ?? null, _id),
      contact: { phone: contact.phone ?? null, address: contact.address ?? null },
      createdAt: created,
    };
    this.all.push(organisation);
    return organisation;
  }

  /** A Nanjing landline, as organisations publish them. */
  landline(): string {
    return `025-8${this.random.digits(7)}`;
  }
}

/** The district committee, its streets and their communities, named and placed as in Jianye. */
export function buildOrganisationTree(plan: TreePlan, random: Random, ids: ObjectIdSource): OrganisationTree {
  const builder = new TreeBuilder(ids, random);
  const district = builder.add('DISTRICT_COMMITTEE', DISTRICT.name, null, { phone: DISTRICT.phone, address: DISTRICT.address });
  const names = new CommunityNames(random);
  const streets = STREET_PLACES.slice(0, plan.streets).map((place, index) =>
    buildStreet({ builder, random: random.fork(`street:${index}`), plan, district, place, index, names }),
  );
  return { district, streets, all: builder.all };
}

interface StreetInput {
  builder: TreeBuilder;
  random: Random;
  plan: TreePlan;
  district: OrganisationDocument;
  place: string;
  index: number;
  names: CommunityNames;
}

function buildStreet({ builder, random, plan, district, place, index, names }: StreetInput): StreetOrganisations {
  const name = `${place}街道`;
  const address = (detail: string) => `南京市建邺区${name}${detail}`;
  const street = builder.add('STREET_COMMITTEE', `${name}党工委`, district, { phone: builder.landline(), address: address(`${random.int(1, 300)}号`) });
  const serviceCentre = builder.add('SERVICE_CENTRE', `${name}党群服务中心`, street, { phone: builder.landline(), address: address(`${random.int(1, 300)}号`) });
  builder.add('PARTY_BRANCH', `${name}机关党支部`, street);
  for (const template of random.sample(DEPARTMENT_TEMPLATES, random.within(plan.departmentsPerStreet))) {
    builder.add('GOVERNMENT_DEPARTMENT', template(place), street, { phone: builder.landline() });
  }
  builder.add('SOCIAL_ORGANISATION', `南京市建邺区${place}社会工作服务中心`, street, { phone: builder.landline() });
  const volunteerTeam = builder.add('VOLUNTEER_TEAM', `${name}志愿服务总队`, street);

  const centre = index === 0 ? JIANGXINZHOU_CENTRE : { longitude: DISTRICT_CENTRE.longitude + (random.next() - 0.5) * 0.12, latitude: DISTRICT_CENTRE.latitude + (random.next() - 0.5) * 0.1 };
  const units = new UnitPool(random, place, index, plan.streets);
  const communityCount = random.within(plan.communitiesPerStreet);
  const communities: CommunityOrganisations[] = [];
  for (let position = 0; position < communityCount; position++) {
    const stem = index === 0 && position < JIANGXINZHOU_COMMUNITIES.length ? names.claim(JIANGXINZHOU_COMMUNITIES[position]!) : names.next();
    communities.push(buildCommunity({ builder, random: random.fork(`community:${position}`), plan, street, streetName: name, stem, units, centre }));
  }
  return { name, street, serviceCentre, volunteerTeam, communities };
}

interface CommunityInput {
  builder: TreeBuilder;
  random: Random;
  plan: TreePlan;
  street: OrganisationDocument;
  streetName: string;
  stem: string;
  units: UnitPool;
  centre: GeoPoint;
}

function buildCommunity({ builder, random, plan, street, streetName, stem, units, centre }: CommunityInput): CommunityOrganisations {
  const name = `${stem}社区`;
  const households = random.within(plan.householdsPerCommunity);
  const compounds = compoundNames(random, stem, Math.min(4, Math.max(1, Math.round(households / 220) + random.int(0, 1))));
  const address = (detail: string) => `南京市建邺区${streetName}${detail}`;
  const community = builder.add('COMMUNITY_PARTY_COMMITTEE', `${name}党委`, street, { phone: builder.landline(), address: address(`${compounds[0]}${random.int(1, 20)}栋一楼`) });
  const residentsCommittee = builder.add('RESIDENTS_COMMITTEE', `${name}居民委员会`, community, { phone: builder.landline() });
  const serviceCentre = builder.add('SERVICE_CENTRE', `${name}党群服务中心`, community, { phone: builder.landline(), address: address(`${compounds[0]}南门旁`) });
  const branches = ORDINALS.slice(0, random.within(plan.branchesPerCommunity)).map((ordinal) => {
    const branch = builder.add('PARTY_BRANCH', `${name}第${ordinal}党支部`, community);
    for (const groupOrdinal of ORDINALS.slice(0, random.within(plan.groupsPerBranch))) builder.add('PARTY_GROUP', `${branch.name}第${groupOrdinal}党小组`, branch);
    return branch;
  });
  const propertyCompany = builder.add('PROPERTY_COMPANY', `${random.pick(PROPERTY_BRANDS)}${compounds[0]}服务中心`, community, { phone: builder.landline() });
  const ownersCommittee = builder.add('OWNERS_COMMITTEE', `${compounds[0]}业主委员会`, community);
  const volunteerTeams = random
    .sample(VOLUNTEER_TEAM_TEMPLATES, plan.volunteerTeamsPerCommunity)
    .map((template) => builder.add('VOLUNTEER_TEAM', `${name}${template}`, community));
  const coBuildingUnits = units
    .take(random.within(plan.coBuildingUnitsPerCommunity), stem)
    .map((unitName) => builder.add('CO_BUILDING_UNIT', unitName, community, { phone: builder.landline() }));
  return {
    name,
    community,
    residentsCommittee,
    serviceCentre,
    branches,
    propertyCompany,
    ownersCommittee,
    volunteerTeams,
    coBuildingUnits,
    compounds,
    households,
    centre: { longitude: centre.longitude + (random.next() - 0.5) * 0.02, latitude: centre.latitude + (random.next() - 0.5) * 0.02 },
  };
}

/** Community names unique in the district: the real Jiangxinzhou ones first, then made-up two-character stems. */
class CommunityNames {
  private readonly used = new Set<string>(JIANGXINZHOU_COMMUNITIES);

  constructor(private readonly random: Random) {}

  claim(stem: string): string {
    this.used.add(stem);
    return stem;
  }

  next(): string {
    for (;;) {
      const stem = this.random.pick(COMMUNITY_NAME_FIRST) + this.random.pick(COMMUNITY_NAME_SECOND);
      if (!this.used.has(stem)) return this.claim(stem);
    }
  }
}

function compoundNames(random: Random, communityStem: string, count: number): string[] {
  const names = new Set<string>();
  const stems = [communityStem, ...random.sample(COMPOUND_STEMS, count + 2)];
  for (const stem of stems) {
    if (names.size === count) break;
    names.add(`${stem}${random.pick(COMPOUND_SUFFIXES)}`);
  }
  return [...names];
}

/**
 * Co-building units of one street, each pairing with one community: the street's schools, banks
 * and utilities and its share of the district's bodies; when those run out, businesses named
 * after the community itself.
 */
class UnitPool {
  private readonly pool: string[];

  constructor(
    private readonly random: Random,
    place: string,
    streetIndex: number,
    streetCount: number,
  ) {
    const districtUnits = DISTRICT_UNITS.filter((_unit, index) => index % streetCount === streetIndex);
    // Jiangxinzhou's first community pairs with the court, the primary school and the bank.
    const first = streetIndex === 0 ? ['南京市建邺区人民法院', `${place}小学`, `中国银行${place}支行`] : [];
    const rest = [...districtUnits, ...STREET_UNIT_TEMPLATES.map((template) => template(place))].filter((unit) => !first.includes(unit));
    this.pool = [...first, ...random.shuffle(rest)];
  }

  take(count: number, communityStem: string): string[] {
    const taken = this.pool.splice(0, count);
    const own = [`${communityStem}小学`, `${communityStem}幼儿园`, `${communityStem}社区卫生服务站`, `南京${communityStem}科技有限公司`, `中国建设银行${communityStem}分理处`];
    return [...taken, ...this.random.sample(own, count - taken.length)];
  }
}
