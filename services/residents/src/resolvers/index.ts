import type { Resolvers } from '../generated/resolvers-types.ts';
import { Query } from './query.ts';
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
import { residentMutations } from './mutations/resident-mutations.ts';
import { householdMutations } from './mutations/household-mutations.ts';
import { membershipMutations } from './mutations/membership-mutations.ts';
import { pairingMutations } from './mutations/pairing-mutations.ts';
import { pointsMutations } from './mutations/points-mutations.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...residentMutations, ...householdMutations, ...membershipMutations, ...pairingMutations, ...pointsMutations },
  Resident,
  Household,
  Grid,
  Organisation,
  PartyMembership,
  VolunteerProfile,
  PointsAccount,
  PointsEntry,
  MemberPairing,
  HouseholdPairing,
};
