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
  PointsAccount: '../parents.ts#PointsAccountParent',
  Grid: '../parents.ts#GridReference',
  Organisation: '../parents.ts#OrganisationReference',
  ResidentConnection: '../parents.ts#ResidentConnectionParent',
  ResidentEdge: '../parents.ts#ResidentEdgeParent',
  HouseholdConnection: '../parents.ts#HouseholdConnectionParent',
  HouseholdEdge: '../parents.ts#HouseholdEdgeParent',
  PointsEntryConnection: '../parents.ts#PointsEntryConnectionParent',
  PointsEntryEdge: '../parents.ts#PointsEntryEdgeParent',
});
