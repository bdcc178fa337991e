import { idOf, requireSignedIn, requireStaffCovering } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import type { Context } from '../context.ts';
import type { HouseholdPairingDocument, MemberPairingDocument } from '../models/index.ts';
import { ONE_PAIRING_PER_MEMBER } from '../models/member-pairing.ts';
import { ONE_PAIRING_PER_HOUSEHOLD } from '../models/household-pairing.ts';
import { checkHouseholdPairing, checkMemberPairing, HOUSEHOLDS_PER_MEMBER, MEMBERS_PER_CORE_MEMBER } from '../domain/pairing.ts';
import {
  coreMemberFull,
  householdAlreadyPaired,
  householdNotPaired,
  memberAlreadyPaired,
  memberFull,
  memberNotPaired,
  pairCoreMemberOutOfScope,
  pairHouseholdOutOfScope,
  pairMemberOutOfScope,
  pairWithMemberOutOfScope,
  unpairHouseholdOutOfScope,
  unpairMemberOutOfScope,
} from '../errors.ts';
import { occupyFreeSlot } from '../persistence/pairing-slots.ts';
import { loadHousehold, loadOpenResident, loadResident } from './access.ts';

/**
 * Who may: staff whose scope covers everyone in the pairing (the 1310 pairing is run by the
 * community party organisation). The limits are enforced by unique indexes (domain/pairing.ts).
 */

function pairedBy(context: Context): string {
  return context.viewer.subject ?? 'unknown';
}

export const pairingMutations: MutationResolvers = {
  pairMemberWithCore: async (_parent, { coreMemberId, memberId }, context) => {
    requireSignedIn(context.viewer);
    const [core, member] = await Promise.all([loadOpenResident(context, 'coreMemberId', coreMemberId, 'PAIR'), loadOpenResident(context, 'memberId', memberId, 'PAIR')]);
    requireStaffCovering(context.viewer, core.organisationPath, pairCoreMemberOutOfScope);
    requireStaffCovering(context.viewer, member.organisationPath, pairMemberOutOfScope);
    checkMemberPairing({ id: idOf(core), partyMembership: core.partyMembership }, { id: idOf(member), partyMembership: member.partyMembership });
    return occupyFreeSlot<MemberPairingDocument>(
      context.models.MemberPairing,
      { coreMemberId: core._id, memberId: member._id, pairedAt: context.clock.now(), pairedBy: pairedBy(context) },
      {
        limit: MEMBERS_PER_CORE_MEMBER,
        partyIndex: ONE_PAIRING_PER_MEMBER,
        ownerFull: () => coreMemberFull(coreMemberId, MEMBERS_PER_CORE_MEMBER),
        partyAlreadyPaired: () => memberAlreadyPaired(memberId),
      },
    );
  },

  unpairMember: async (_parent, { memberId }, context) => {
    requireSignedIn(context.viewer);
    const member = await loadResident(context, 'memberId', memberId);
    requireStaffCovering(context.viewer, member.organisationPath, unpairMemberOutOfScope);
    const { deletedCount } = await context.models.MemberPairing.deleteOne({ memberId: member._id });
    if (deletedCount === 0) throw memberNotPaired(memberId);
    return member;
  },

  pairHouseholdWithMember: async (_parent, { memberId, householdId }, context) => {
    requireSignedIn(context.viewer);
    const [member, household] = await Promise.all([loadOpenResident(context, 'memberId', memberId, 'PAIR'), loadHousehold(context, 'householdId', householdId)]);
    requireStaffCovering(context.viewer, member.organisationPath, pairWithMemberOutOfScope);
    requireStaffCovering(context.viewer, household.organisationPath, pairHouseholdOutOfScope);
    checkHouseholdPairing({ id: idOf(member), partyMembership: member.partyMembership });
    return occupyFreeSlot<HouseholdPairingDocument>(
      context.models.HouseholdPairing,
      { memberId: member._id, householdId: household._id, pairedAt: context.clock.now(), pairedBy: pairedBy(context) },
      {
        limit: HOUSEHOLDS_PER_MEMBER,
        partyIndex: ONE_PAIRING_PER_HOUSEHOLD,
        ownerFull: () => memberFull(memberId, HOUSEHOLDS_PER_MEMBER),
        partyAlreadyPaired: () => householdAlreadyPaired(householdId),
      },
    );
  },

  unpairHousehold: async (_parent, { householdId }, context) => {
    requireSignedIn(context.viewer);
    const household = await loadHousehold(context, 'householdId', householdId);
    requireStaffCovering(context.viewer, household.organisationPath, unpairHouseholdOutOfScope);
    const { deletedCount } = await context.models.HouseholdPairing.deleteOne({ householdId: household._id });
    if (deletedCount === 0) throw householdNotPaired(householdId);
    return household;
  },
};
