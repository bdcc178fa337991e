import type { Resolvers } from '../generated/resolvers-types.ts';
import { Resident } from './resident.ts';
import { Household } from './household.ts';
import { Grid } from './grid.ts';
import { Organisation } from './organisation.ts';
import { PartyMembership } from './party-membership.ts';
import { VolunteerProfile } from './volunteer-profile.ts';
import { PointsAccount } from './points-account.ts';
import { PointsEntry } from './points-entry.ts';
import { MemberPairing } from './member-pairing.ts';
import { HouseholdPairing } from './household-pairing.ts';
import { residentMutations, residentQueries } from './resident-operations.ts';
import { householdMutations, householdQueries } from './household-operations.ts';
import { membershipMutations } from './membership-operations.ts';
import { pairingMutations } from './pairing-operations.ts';
import { pointsMutations } from './points-operations.ts';
import { PointsRule } from './points-rule.ts';
import { pointsRulesMutations, pointsRulesQueries } from './points-rules-operations.ts';
import { PointsStanding, pointsRankingQueries } from './points-ranking.ts';
import { PointsSpending } from './points-spending.ts';
import { pointsSpendingMutations } from './points-spending-operations.ts';
import { PersonalDataExport, personalDataExportQueries } from './personal-data-export.ts';
import { DataCorrectionRequest } from './data-correction-request.ts';
import { dataCorrectionMutations, dataCorrectionQueries } from './data-correction-operations.ts';
import { accountMutations } from './account-operations.ts';
import { refusingClosedAccounts } from './closed-accounts.ts';
import { residentAggregateQueries } from './resident-aggregate-operations.ts';
import { PersonalDataRead } from './personal-data-read.ts';
import { personalDataReadQueries } from './personal-data-read-operations.ts';

export const resolvers: Resolvers = {
  Query: {
    ...residentQueries,
    ...householdQueries,
    ...pointsRulesQueries,
    ...pointsRankingQueries,
    ...personalDataExportQueries,
    ...dataCorrectionQueries,
    ...residentAggregateQueries,
    ...personalDataReadQueries,
  },
  Mutation: refusingClosedAccounts(
    {
      ...residentMutations,
      ...householdMutations,
      ...membershipMutations,
      ...pairingMutations,
      ...pointsMutations,
      ...pointsRulesMutations,
      ...pointsSpendingMutations,
      ...dataCorrectionMutations,
      ...accountMutations,
    },
    ['closeMyAccount'],
  ),
  Resident,
  Household,
  Grid,
  Organisation,
  PartyMembership,
  VolunteerProfile,
  PointsAccount,
  PointsEntry,
  PointsRule,
  PointsStanding,
  MemberPairing,
  HouseholdPairing,
  PointsSpending,
  PersonalDataExport,
  DataCorrectionRequest,
  PersonalDataRead,
};
