/**
 * How people and households are spread. Rates are per resident unless they say household;
 * ages are reckoned in REFERENCE_YEAR (@civic/seed-kit).
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
