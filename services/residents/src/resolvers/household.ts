import { idOf, readsAsAnalyst, requireSignedIn } from '@civic/service-kit';
import type { HouseholdResolvers } from '../generated/resolvers-types.ts';
import { readMembersOfAnotherHousehold } from '../errors.ts';
import { householdReadableInFull, logUnmaskedAddress } from './access.ts';

/**
 * A household in full for its members, covering staff and services; others signed in see its
 * building and unit, and an analyst no household.
 */
export const Household: HouseholdResolvers = {
  __resolveReference: (reference, context) => {
    requireSignedIn(context.viewer);
    return readsAsAnalyst(context.viewer) ? null : context.loaders.household.load(reference.id);
  },
  id: idOf,
  room: async (household, _args, context) => {
    if (!(await householdReadableInFull(context, household))) return null;
    await logUnmaskedAddress(context, household);
    return household.room;
  },
  grid: (household) => ({ id: household.gridId.toHexString() }),
  community: (household) => ({ id: household.communityId.toHexString() }),
  members: async (household, _args, context) => {
    if (!(await householdReadableInFull(context, household))) throw readMembersOfAnotherHousehold();
    return context.loaders.residentsByHousehold.load(idOf(household));
  },
  pairedMember: async (household, _args, context) => {
    if (!(await householdReadableInFull(context, household))) return null;
    const [pairing] = await context.loaders.householdPairingByHousehold.load(idOf(household));
    return pairing ? context.loaders.resident.load(pairing.memberId.toHexString()) : null;
  },
};
