import type { HouseholdPairingResolvers } from '../generated/resolvers-types.ts';
import { loadHousehold, loadResident } from './access.ts';

export const HouseholdPairing: HouseholdPairingResolvers = {
  member: (pairing, _args, context) => loadResident(context, 'memberId', pairing.memberId.toHexString()),
  household: (pairing, _args, context) => loadHousehold(context, 'householdId', pairing.householdId.toHexString()),
};
