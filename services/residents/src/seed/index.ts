/**
 * The residents service's seed: households, residents, party members, volunteers, pairings and
 * points ledgers, generated step by step as infra's seed orchestrates them.
 */
export { layOutCommunity, type CommunityLayout } from './community-layout.ts';
export { populateCommunity, type CommunityPeople } from './residents-seed.ts';
export { IdNumberRegistry } from './personal-numbers.ts';
export { chooseGridResponsibles, enrolPartyMembers, pairCommunity } from './party-seed.ts';
export { enrolVolunteers } from './volunteers-seed.ts';
export { keepPointsLedgers } from './points-seed.ts';
export type { ResidentsRecords } from './records.ts';
// The service's own models, which infra's seed builds the indexes and inserts through.
export { createModels } from '../models/index.ts';
