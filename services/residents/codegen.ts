import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  Resident: '../models/resident.ts#ResidentDocument',
  PartyMembership: '../models/resident.ts#PartyMembershipDocument',
  VolunteerProfile: '../models/resident.ts#VolunteerProfileDocument',
  Household: '../models/household.ts#HouseholdDocument',
  MemberPairing: '../models/member-pairing.ts#MemberPairingDocument',
  HouseholdPairing: '../models/household-pairing.ts#HouseholdPairingDocument',
  PointsEntry: '../models/points-entry.ts#PointsEntryDocument',
  PointsAccount: '../mappers.ts#PointsAccountParent',
  Grid: '../mappers.ts#GridReference',
  Organisation: '../mappers.ts#OrganisationReference',
  ResidentConnection: '../mappers.ts#ResidentConnectionParent',
  ResidentEdge: '../mappers.ts#ResidentEdgeParent',
  HouseholdConnection: '../mappers.ts#HouseholdConnectionParent',
  HouseholdEdge: '../mappers.ts#HouseholdEdgeParent',
  PointsEntryConnection: '../mappers.ts#PointsEntryConnectionParent',
  PointsEntryEdge: '../mappers.ts#PointsEntryEdgeParent',
  PointsRule: '../persistence/points-rules.ts#PublishedPointsRule',
  PointsStanding: '../domain/points-ranking.ts#Standing',
  PointsRankingConnection: '../persistence/points-ranking.ts#RankingPage',
  PointsStandingEdge: '../mappers.ts#PointsStandingEdgeParent',
  PointsSpending: '../models/points-spending.ts#PointsSpendingDocument',
  PersonalDataRead: '../models/personal-data-read.ts#PersonalDataReadDocument',
  PersonalDataReadConnection: '../mappers.ts#PersonalDataReadConnectionParent',
  PersonalDataReadEdge: '../mappers.ts#PersonalDataReadEdgeParent',
});
