import type { MemberPairingResolvers } from '../generated/resolvers-types.ts';
import { loadResident } from './access.ts';

export const MemberPairing: MemberPairingResolvers = {
  coreMember: (pairing, _args, context) => loadResident(context, 'coreMemberId', pairing.coreMemberId.toHexString()),
  member: (pairing, _args, context) => loadResident(context, 'memberId', pairing.memberId.toHexString()),
};
