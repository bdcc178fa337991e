import type { Connection } from 'mongoose';
import { outboxModel } from '@civic/events';
import { resolvePiiKeys } from '@civic/identity';
import { piiCipher } from '../persistence/pii-cipher.ts';
import { residentModel } from './resident.ts';
import { householdModel } from './household.ts';
import { memberPairingModel } from './member-pairing.ts';
import { householdPairingModel } from './household-pairing.ts';
import { pointsEntryModel } from './points-entry.ts';
import { pointsRuleChangeModel } from './points-rule-change.ts';
import { pointsSpendingModel } from './points-spending.ts';
import { dataCorrectionRequestModel } from './data-correction-request.ts';
import { personalDataReadModel } from './personal-data-read.ts';

export type { ResidentDocument, PartyMembershipDocument, VolunteerProfileDocument } from './resident.ts';
export type { HouseholdDocument } from './household.ts';
export type { MemberPairingDocument } from './member-pairing.ts';
export type { HouseholdPairingDocument } from './household-pairing.ts';
export type { PointsEntryDocument } from './points-entry.ts';
export type { PointsRuleChangeDocument } from './points-rule-change.ts';
export type { PointsSpendingDocument } from './points-spending.ts';
export type { DataCorrectionRequestDocument } from './data-correction-request.ts';
export type { PersonalDataReadDocument } from './personal-data-read.ts';

/**
 * Every collection of the residents service; the seed generator bulk-inserts through these too,
 * and must then keep what the mutations keep:
 * - a resident's gridId, communityId and organisationPath are its household's;
 * - pairings use slots 0..2 per core member and 0..9 per member, each member and household once;
 * - points entries are numbered 1, 2, 3... per resident, with balanceAfter the running sum, never
 *   below zero, carrying the resident's organisationPath; residents without an ID number have no `idNumber` field at all (sparse index).
 * The keys that seal phone and ID numbers and correction requests' proposed values come from the
 * environment (or the development key file), checked here, at start: a missing or malformed key
 * stops the service naming its variable.
 */
export function createModels(connection: Connection, environment: NodeJS.ProcessEnv = process.env) {
  const cipher = piiCipher(resolvePiiKeys(environment));
  return {
    Resident: residentModel(connection, cipher),
    Household: householdModel(connection),
    MemberPairing: memberPairingModel(connection),
    HouseholdPairing: householdPairingModel(connection),
    PointsEntry: pointsEntryModel(connection),
    PointsRuleChange: pointsRuleChangeModel(connection),
    PointsSpending: pointsSpendingModel(connection),
    DataCorrectionRequest: dataCorrectionRequestModel(connection, cipher),
    PersonalDataRead: personalDataReadModel(connection),
    Outbox: outboxModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
