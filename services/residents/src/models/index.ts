import type { Connection } from 'mongoose';
import { residentModel } from './resident.ts';
import { householdModel } from './household.ts';
import { memberPairingModel } from './member-pairing.ts';
import { householdPairingModel } from './household-pairing.ts';
import { pointsEntryModel } from './points-entry.ts';
import { pointsRuleChangeModel } from './points-rule-change.ts';
import { pointsSpendingModel } from './points-spending.ts';
import { personalDataReadModel } from './personal-data-read.ts';

export type { ResidentDocument, PartyMembershipDocument, VolunteerProfileDocument } from './resident.ts';
export type { HouseholdDocument } from './household.ts';
export type { MemberPairingDocument } from './member-pairing.ts';
export type { HouseholdPairingDocument } from './household-pairing.ts';
export type { PointsEntryDocument } from './points-entry.ts';
export type { PointsRuleChangeDocument } from './points-rule-change.ts';
export type { PointsSpendingDocument } from './points-spending.ts';
export type { PersonalDataReadDocument } from './personal-data-read.ts';

/**
 * Every collection of the residents service; the seed generator bulk-inserts through these too,
 * and must then keep what the mutations keep:
 * - a resident's gridId, communityId and organisationPath are its household's;
 * - pairings use slots 0..2 per core member and 0..9 per member, each member and household once;
 * - points entries are numbered 1, 2, 3... per resident, with balanceAfter the running sum, never
 *   below zero, carrying the resident's organisationPath; residents without an ID number have no `idNumber` field at all (sparse index).
 */
export function createModels(connection: Connection) {
  return {
    Resident: residentModel(connection),
    Household: householdModel(connection),
    MemberPairing: memberPairingModel(connection),
    HouseholdPairing: householdPairingModel(connection),
    PointsEntry: pointsEntryModel(connection),
    PointsRuleChange: pointsRuleChangeModel(connection),
    PointsSpending: pointsSpendingModel(connection),
    PersonalDataRead: personalDataReadModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
