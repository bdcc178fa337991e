/**
 * How much sample data each scale generates. `street` is modelled on Jiangxinzhou street
 * (江心洲街道) and Hangzhou's Tianxin community; `district` repeats the same shape over a dozen
 * streets to reach the ~200,000 residents a district deployment must carry (see DOMAIN.md).
 */
export const SCALES = ['street', 'district'] as const;
export type Scale = (typeof SCALES)[number];

export type Range = readonly [min: number, max: number];

export interface ScalePlan {
  streets: number;
  communitiesPerStreet: Range;
  householdsPerCommunity: Range;
  /** Government departments (police station, market regulation...) under each street. */
  departmentsPerStreet: Range;
  branchesPerCommunity: Range;
  groupsPerBranch: Range;
  coBuildingUnitsPerCommunity: Range;
  volunteerTeamsPerCommunity: number;
  generalGridsPerCommunity: Range;
  activitiesPerCommunity: Range;
  activitiesPerStreet: Range;
  postsPerCommunity: Range;
  postsPerStreet: Range;
}

const COMMUNITY_SHAPE = {
  departmentsPerStreet: [3, 5],
  branchesPerCommunity: [2, 4],
  groupsPerBranch: [2, 3],
  coBuildingUnitsPerCommunity: [3, 5],
  volunteerTeamsPerCommunity: 2,
  generalGridsPerCommunity: [3, 4],
  activitiesPerCommunity: [9, 11],
  activitiesPerStreet: [3, 5],
  postsPerCommunity: [12, 14],
  postsPerStreet: [4, 6],
} as const satisfies Partial<ScalePlan>;

export const PLANS: Readonly<Record<Scale, ScalePlan>> = {
  // 6 communities x ~200 households x ~2.8 people: ~1,200 households, ~3,400 residents.
  street: { streets: 1, communitiesPerStreet: [6, 6], householdsPerCommunity: [180, 220], ...COMMUNITY_SHAPE },
  // 12 streets x ~10 communities x ~610 households: ~70,000 households, ~200,000 residents.
  district: { streets: 12, communitiesPerStreet: [9, 11], householdsPerCommunity: [560, 660], ...COMMUNITY_SHAPE },
};

export function isScale(value: string): value is Scale {
  return (SCALES as readonly string[]).includes(value);
}

/**
 * How people and households are spread. Rates are per resident unless they say household;
 * ages are reckoned in REFERENCE_YEAR (timeline.ts).
 */
export const POPULATION = {
  /** Household sizes 1..6 and how common each is (mean ~2.8 people). */
  householdSizes: [
    [1, 14],
    [2, 30],
    [3, 29],
    [4, 16],
    [5, 8],
    [6, 3],
  ] as const,
  /** Adults of 22 and over who are party members; 18 to 21 year-olds join far less often. */
  partyMemberRate: 0.12,
  youngPartyMemberRate: 0.03,
  /** Party members who are core members (骨干党员) leading a 1310 pairing of up to 3 members. */
  coreMemberRate: 0.22,
  /** Households paired with an ordinary party member (each member up to 10 households). */
  pairedHouseholdRate: 0.85,
  /** Residents aged 14 to 78 who volunteer (~20% of all residents). */
  volunteerRate: 0.27,
  disabledRate: 0.018,
  elderlyTagRate: 0.95,
  emptyNestTagRate: 0.7,
  lowIncomeHouseholdRate: 0.015,
  illnessPovertyHouseholdRate: 0.006,
  renterHouseholdRate: 0.14,
  /** Renters from elsewhere: the floating population (流动人口). */
  floatingRenterRate: 0.5,
  /** Communities built to resettle Jiangxinzhou's farmers, and landless farmers there and elsewhere. */
  resettlementCommunityRate: 0.35,
  landlessFarmerRateResettled: 0.3,
  landlessFarmerRateElsewhere: 0.02,
  idNumberRate: 0.95,
  childIdNumberRate: 0.7,
  phoneRate: 0.93,
  elderlyPhoneRate: 0.6,
  verifiedRate: 0.72,
  pendingRate: 0.05,
} as const;
