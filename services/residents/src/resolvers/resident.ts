import { idOf, requireSignedIn } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import { maskIdNumber, maskName, maskPhone } from '../domain/pii.ts';
import { existing } from './existing.ts';
import { logUnmaskedRead, residentPiiVisible } from './access.ts';

/** Resident fields: PII masked unless the viewer may see it (see domain/pii.ts). */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference, context) => {
    requireSignedIn(context.viewer);
    return context.loaders.resident.load(reference.id);
  },
  id: idOf,
  name: (resident, _args, context) => (residentPiiVisible(context, resident) ? resident.name : maskName(resident.name)),
  // The sensitive fields answer unmasked only once the access log holds the read (resolvers/access.ts).
  phone: async (resident, _args, context) => {
    if (resident.phone === null) return null;
    if (!residentPiiVisible(context, resident)) return maskPhone(resident.phone);
    await logUnmaskedRead(context, resident, 'PHONE');
    return resident.phone;
  },
  idNumber: async (resident, _args, context) => {
    if (resident.idNumber === undefined) return null;
    if (!residentPiiVisible(context, resident)) return maskIdNumber(resident.idNumber);
    await logUnmaskedRead(context, resident, 'ID_NUMBER');
    return resident.idNumber;
  },
  specialCare: async (resident, _args, context) => {
    if (!residentPiiVisible(context, resident)) return null;
    await logUnmaskedRead(context, resident, 'SPECIAL_CARE');
    return resident.specialCare;
  },
  piiMasked: (resident, _args, context) => !residentPiiVisible(context, resident),
  household: (resident, _args, context) => context.loaders.household.load(resident.householdId.toHexString()),
  grid: (resident) => ({ id: resident.gridId.toHexString() }),
  community: (resident) => ({ id: resident.communityId.toHexString() }),
  partyMembership: (resident) => resident.partyMembership ?? null,
  volunteerProfile: (resident) => resident.volunteerProfile ?? null,
  pairedCoreMember: async (resident, _args, context) => {
    const [pairing] = await context.loaders.memberPairingByMember.load(idOf(resident));
    return pairing ? context.loaders.resident.load(pairing.coreMemberId.toHexString()) : null;
  },
  pairedMembers: async (resident, _args, context) => {
    const pairings = await context.loaders.memberPairingsByCoreMember.load(idOf(resident));
    return existing(await context.loaders.resident.loadMany(pairings.map((pairing) => pairing.memberId.toHexString())));
  },
  pairedHouseholds: async (resident, _args, context) => {
    const pairings = await context.loaders.householdPairingsByMember.load(idOf(resident));
    return existing(await context.loaders.household.loadMany(pairings.map((pairing) => pairing.householdId.toHexString())));
  },
  points: (resident, _args, context) => ({ residentId: idOf(resident), entriesVisible: residentPiiVisible(context, resident) }),
};
