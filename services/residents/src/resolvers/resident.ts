import { hexIds, idOf, readsPersonRow, requireSignedIn } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import type { ResidentDocument } from '../models/index.ts';
import type { Context } from '../context.ts';
import { maskIdNumber, maskName, maskPhone } from '../domain/pii.ts';
import { readPairedHouseholdsOfAnother, readPairedMembersOfAnother } from '../errors.ts';
import { existing } from './existing.ts';
import { logUnmaskedRead, residentFactsReadable } from './access.ts';

/**
 * Resident fields. Every fact describes the person: read in full by the resident, covering staff and
 * services (the kit's `readsPersonalFacts`); for anyone else the PII is masked, the other facts are
 * null and the pairing lists refused. An analyst gets no Resident row at all.
 */

/** A fact for its readers, null for everyone else. */
const factFor =
  <T>(read: (resident: ResidentDocument, context: Context) => T) =>
  (resident: ResidentDocument, _args: unknown, context: Context): T | null =>
    residentFactsReadable(context, resident) ? read(resident, context) : null;

export const Resident: ResidentResolvers = {
  __resolveReference: async (reference, context) => {
    requireSignedIn(context.viewer);
    const resident = await context.loaders.resident.load(reference.id);
    return resident && readsPersonRow(context.viewer, { id: idOf(resident), organisationPath: resident.organisationPath }) ? resident : null;
  },
  id: idOf,
  organisationPath: (resident) => hexIds(resident.organisationPath),
  name: (resident, _args, context) => (residentFactsReadable(context, resident) ? resident.name : maskName(resident.name)),
  // The sensitive fields answer unmasked only once the access log holds the read (resolvers/access.ts).
  phone: async (resident, _args, context) => {
    if (resident.phone === null) return null;
    if (!residentFactsReadable(context, resident)) return maskPhone(resident.phone);
    await logUnmaskedRead(context, resident, 'PHONE');
    return resident.phone;
  },
  idNumber: async (resident, _args, context) => {
    if (resident.idNumber === undefined) return null;
    if (!residentFactsReadable(context, resident)) return maskIdNumber(resident.idNumber);
    await logUnmaskedRead(context, resident, 'ID_NUMBER');
    return resident.idNumber;
  },
  specialCare: async (resident, _args, context) => {
    if (!residentFactsReadable(context, resident)) return null;
    await logUnmaskedRead(context, resident, 'SPECIAL_CARE');
    return resident.specialCare;
  },
  piiMasked: (resident, _args, context) => !residentFactsReadable(context, resident),
  gender: factFor((resident) => resident.gender),
  birthYear: factFor((resident) => resident.birthYear),
  verificationStatus: factFor((resident) => resident.verificationStatus),
  household: factFor((resident, context) => (resident.householdId ? context.loaders.household.load(resident.householdId.toHexString()) : null)),
  status: (resident) => resident.status ?? 'ACTIVE',
  closedAt: factFor((resident) => resident.closedAt ?? null),
  closureReason: factFor((resident) => resident.closureReason ?? null),
  grid: factFor((resident) => ({ id: resident.gridId.toHexString() })),
  community: factFor((resident) => ({ id: resident.communityId.toHexString() })),
  partyMembership: factFor((resident) => resident.partyMembership ?? null),
  volunteerProfile: factFor((resident) => resident.volunteerProfile ?? null),
  pairedCoreMember: factFor(async (resident, context) => {
    const [pairing] = await context.loaders.memberPairingByMember.load(idOf(resident));
    return pairing ? context.loaders.resident.load(pairing.coreMemberId.toHexString()) : null;
  }),
  pairedMembers: async (resident, _args, context) => {
    if (!residentFactsReadable(context, resident)) throw readPairedMembersOfAnother();
    const pairings = await context.loaders.memberPairingsByCoreMember.load(idOf(resident));
    return existing(await context.loaders.resident.loadMany(pairings.map((pairing) => pairing.memberId.toHexString())));
  },
  pairedHouseholds: async (resident, _args, context) => {
    if (!residentFactsReadable(context, resident)) throw readPairedHouseholdsOfAnother();
    const pairings = await context.loaders.householdPairingsByMember.load(idOf(resident));
    return existing(await context.loaders.household.loadMany(pairings.map((pairing) => pairing.householdId.toHexString())));
  },
  points: factFor((resident) => ({ residentId: idOf(resident) })),
};
