import { badUserInput } from '@civic/service-kit';

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
  if (core.id === member.id) throw badUserInput('memberId', 'must be someone other than the core member');
  if (!core.partyMembership) throw badUserInput('coreMemberId', 'is not a party member');
  if (!core.partyMembership.core) throw badUserInput('coreMemberId', 'is not a core party member');
  if (!member.partyMembership) throw badUserInput('memberId', 'is not a party member');
  if (member.partyMembership.core) throw badUserInput('memberId', 'is a core party member; core members lead pairings instead');
}

/** Households pair with ordinary party members; core members look after their members instead. */
export function checkHouseholdPairing(member: PartyStanding): void {
  if (!member.partyMembership) throw badUserInput('memberId', 'is not a party member');
  if (member.partyMembership.core) throw badUserInput('memberId', 'is a core party member; households pair with ordinary members');
}
