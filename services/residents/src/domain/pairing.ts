import {
  coreMemberAsMember,
  coreMemberForHousehold,
  leaderNotCoreMember,
  leaderNotPartyMember,
  memberNotPartyMember,
  pairWithSelf,
} from '../errors.ts';

/**
 * The "1310" rule (一名骨干党员联系三名党员, 每名党员联系十户): a core party member pairs with up to 3
 * ordinary members, and each ordinary member with up to 10 households. A member has at most one
 * core member and a household at most one member.
 *
 * The limits hold under concurrency because every pairing occupies a numbered slot of its owner,
 * and a unique index on (owner, slot) admits one pairing per slot: whoever finds all `limit` slots
 * taken is refused. A unique index on the paired party (member, household) keeps it to one owner.
 */
export const MEMBERS_PER_CORE_MEMBER = 3;
export const HOUSEHOLDS_PER_MEMBER = 10;

/** The slots to try, in order, so that freed slots are refilled first. */
export function pairingSlots(limit: number): number[] {
  return Array.from({ length: limit }, (_, slot) => slot);
}

export interface PartyStanding {
  id: string;
  partyMembership: { core: boolean } | null | undefined;
}

/** Only a core party member leads, and only an ordinary party member follows. */
export function checkMemberPairing(core: PartyStanding, member: PartyStanding): void {
  if (core.id === member.id) throw pairWithSelf();
  if (!core.partyMembership) throw leaderNotPartyMember();
  if (!core.partyMembership.core) throw leaderNotCoreMember();
  if (!member.partyMembership) throw memberNotPartyMember();
  if (member.partyMembership.core) throw coreMemberAsMember();
}

/** Households pair with ordinary party members; core members look after their members instead. */
export function checkHouseholdPairing(member: PartyStanding): void {
  if (!member.partyMembership) throw memberNotPartyMember();
  if (member.partyMembership.core) throw coreMemberForHousehold();
}
