/** The closed word lists of the residents domain; the SDL enums mirror them. */

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

export const REAL_NAME_STATUSES = ['UNVERIFIED', 'PENDING', 'VERIFIED'] as const;
export type RealNameStatus = (typeof REAL_NAME_STATUSES)[number];

export const SPECIAL_CARE_TAGS = [
  'ELDERLY_80_PLUS',
  'DISABLED',
  'EMPTY_NEST',
  'LOW_INCOME',
  'LANDLESS_FARMER',
  'ILLNESS_POVERTY',
  'FLOATING',
  'RENTER',
] as const;
export type SpecialCareTag = (typeof SPECIAL_CARE_TAGS)[number];

/** A closed account is anonymised and kept only so that its points ledger keeps its shape (domain/account-closure.ts). */
export const RESIDENT_STATUSES = ['ACTIVE', 'CLOSED'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** Why an account was closed: a category, never free text, since the closed record keeps it. */
export const ACCOUNT_CLOSURE_REASONS = ['OWN_REQUEST', 'MOVED_AWAY', 'DECEASED'] as const;
export type AccountClosureReason = (typeof ACCOUNT_CLOSURE_REASONS)[number];

export const PARTY_MEMBERSHIP_KINDS = ['REGULAR', 'IN_SERVICE', 'FLOATING'] as const;
export type PartyMembershipKind = (typeof PARTY_MEMBERSHIP_KINDS)[number];

export const POINTS_SOURCES = ['ACTIVITY', 'WISH', 'MEETING', 'AWARD', 'DEDUCTION', 'SPENDING', 'REFUND'] as const;
export type PointsSource = (typeof POINTS_SOURCES)[number];

/** As organisations defines them (domain/grid-tree.ts there): three levels, or four where a street works that way. */
export const GRID_LEVELS = ['COMMUNITY', 'GENERAL', 'MICRO', 'STREET', 'BRANCH', 'PARTY_GROUP'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

/** The lowest level of each shape: the micro-grids of 30 to 100 households. */
export const MICRO_GRID_LEVELS: readonly GridLevel[] = ['MICRO', 'PARTY_GROUP'];
