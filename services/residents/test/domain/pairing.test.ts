import { describe, expect, it } from 'vitest';
import {
  checkHouseholdPairing,
  checkMemberPairing,
  HOUSEHOLDS_PER_MEMBER,
  MEMBERS_PER_CORE_MEMBER,
  pairingSlots,
} from '../../src/domain/pairing.ts';
import { coreMemberAsMember, coreMemberForHousehold, coreMemberFull, leaderNotCoreMember, leaderNotPartyMember, memberFull, memberNotPartyMember, pairWithSelf } from '../../src/errors.ts';

const core = { id: 'core', partyMembership: { core: true } };
const member = { id: 'member', partyMembership: { core: false } };
const notMember = { id: 'neighbour', partyMembership: null };

describe('1310 limits', () => {
  it('gives a core member 3 slots and a member 10', () => {
    expect(MEMBERS_PER_CORE_MEMBER).toBe(3);
    expect(HOUSEHOLDS_PER_MEMBER).toBe(10);
    expect(pairingSlots(MEMBERS_PER_CORE_MEMBER)).toEqual([0, 1, 2]);
    expect(pairingSlots(HOUSEHOLDS_PER_MEMBER)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('names the limit when it is reached', () => {
    expect(coreMemberFull('c1')).toMatchObject({ message: 'Core member c1 already has 3 paired members', extensions: { code: 'CONFLICT' } });
    expect(memberFull('m1')).toMatchObject({ message: 'Member m1 already has 10 paired households', extensions: { code: 'CONFLICT' } });
  });
});

describe('checkMemberPairing', () => {
  it('pairs a core party member with an ordinary one', () => {
    expect(checkMemberPairing(core, member)).toBeUndefined();
  });

  it('refuses pairing someone with themself', () => {
    expect(() => checkMemberPairing(core, core)).toThrow(pairWithSelf());
  });

  it('refuses a leader who is not a core party member', () => {
    expect(() => checkMemberPairing(notMember, member)).toThrow(leaderNotPartyMember());
    expect(() => checkMemberPairing({ ...member, id: 'other' }, member)).toThrow(leaderNotCoreMember());
  });

  it('refuses a follower who is not an ordinary party member', () => {
    expect(() => checkMemberPairing(core, notMember)).toThrow(memberNotPartyMember());
    expect(() => checkMemberPairing(core, { ...core, id: 'core2' })).toThrow(
      coreMemberAsMember(),
    );
  });
});

describe('checkHouseholdPairing', () => {
  it('pairs households with ordinary party members only', () => {
    expect(checkHouseholdPairing(member)).toBeUndefined();
    expect(() => checkHouseholdPairing(notMember)).toThrow(memberNotPartyMember());
    expect(() => checkHouseholdPairing(core)).toThrow(coreMemberForHousehold());
  });
});
