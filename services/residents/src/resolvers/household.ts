import { idOf, requireSignedIn } from '@civic/service-kit';
import type { HouseholdResolvers } from '../generated/resolvers-types.ts';
import { householdAddressVisible, logUnmaskedAddress } from './access.ts';

export const Household: HouseholdResolvers = {
  __resolveReference: (reference, context) => {
    requireSignedIn(context.viewer);
    return context.loaders.household.load(reference.id);
  },
  id: idOf,
  room: async (household, _args, context) => {
    if (!(await householdAddressVisible(context, household))) return null;
    await logUnmaskedAddress(context, household);
    return household.room;
  },
  grid: (household) => ({ id: household.gridId.toHexString() }),
  community: (household) => ({ id: household.communityId.toHexString() }),
  members: (household, _args, context) => context.loaders.residentsByHousehold.load(idOf(household)),
  pairedMember: async (household, _args, context) => {
    const [pairing] = await context.loaders.householdPairingByHousehold.load(idOf(household));
    return pairing ? context.loaders.resident.load(pairing.memberId.toHexString()) : null;
  },
};
