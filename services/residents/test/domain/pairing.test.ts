import { describe, expect, it } from 'vitest';
import { badUserInput, conflict } from '@civic/service-kit';
import {
  checkHouseholdPairing,
  checkMemberPairing,
  HOUSEHOLDS_PER_MEMBER,
  MEMBERS_PER_CORE_MEMBER,
  pairingSlots,
} from '../../src/domain/pairing.ts';
import { coreMemberFull, memberFull } from '../../src/errors.ts';

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
    expect(coreMemberFull('c1')).toEqual(conflict('Core member c1 already has 3 paired members'));
    expect(memberFull('m1')).toEqual(conflict('Member m1 already has 10 paired households'));
  });
});

describe('checkMemberPairing', () => {
  it('pairs a core party member with an ordinary one', () => {
    expect(checkMemberPairing(core, member)).toBeUndefined();
  });

  it('refuses pairing someone with themself', () => {
    expect(() => checkMemberPairing(core, core)).toThrow(badUserInput('memberId', 'must be someone other than the core member'));
  });

  it('refuses a leader who is not a core party member', () => {
    expect(() => checkMemberPairing(notMember, member)).toThrow(badUserInput('coreMemberId', 'is not a party member'));
    expect(() => checkMemberPairing({ ...member, id: 'other' }, member)).toThrow(badUserInput('coreMemberId', 'is not a core party member'));
  });

  it('refuses a follower who is not an ordinary party member', () => {
    expect(() => checkMemberPairing(core, notMember)).toThrow(badUserInput('memberId', 'is not a party member'));
    expect(() => checkMemberPairing(core, { ...core, id: 'core2' })).toThrow(
      badUserInput('memberId', 'is a core party member; core members lead pairings instead'),
    );
  });
});

describe('checkHouseholdPairing', () => {
  it('pairs households with ordinary party members only', () => {
    expect(checkHouseholdPairing(member)).toBeUndefined();
    expect(() => checkHouseholdPairing(notMember)).toThrow(badUserInput('memberId', 'is not a party member'));
    expect(() => checkHouseholdPairing(core)).toThrow(badUserInput('memberId', 'is a core party member; households pair with ordinary members'));
  });
});
