import { describe, expect, it } from 'vitest';
import { emptyText } from '@civic/service-kit';
import { isDecision, REAL_NAME_TRANSITIONS, statusAfterIdentityChange } from '../../src/domain/real-name.ts';
import { normaliseHouseholdAddress } from '../../src/domain/household-address.ts';
import { normaliseSkills, requireTeamCount } from '../../src/domain/volunteer.ts';
import { requireMembershipSince } from '../../src/domain/party-membership.ts';
import { chinaYear } from '../../src/domain/china-time.ts';
import { membershipBeforeJoiningAge, membershipSinceInFuture, tooManySkills, tooManyVolunteerTeams } from '../../src/errors.ts';

describe('real-name verification', () => {
  it('moves UNVERIFIED → PENDING → VERIFIED, or back to UNVERIFIED on rejection', () => {
    expect(REAL_NAME_TRANSITIONS).toEqual({
      SUBMIT: { from: 'UNVERIFIED', to: 'PENDING' },
      APPROVE: { from: 'PENDING', to: 'VERIFIED' },
      REJECT: { from: 'PENDING', to: 'UNVERIFIED' },
    });
    expect([isDecision('SUBMIT'), isDecision('APPROVE'), isDecision('REJECT')]).toEqual([false, true, true]);
  });

  it('starts over when the name or ID number changes', () => {
    expect(statusAfterIdentityChange('VERIFIED', true)).toBe('UNVERIFIED');
    expect(statusAfterIdentityChange('VERIFIED', false)).toBe('VERIFIED');
  });
});

describe('household address', () => {
  it('turns full-width characters half-width and trims', () => {
    expect(normaliseHouseholdAddress({ building: ' ３栋 ', unit: '2单元', room: '３０１' })).toEqual({ building: '3栋', unit: '2单元', room: '301' });
  });

  it('refuses an empty part, naming it', () => {
    expect(() => normaliseHouseholdAddress({ building: '3栋', unit: ' ', room: '301' })).toThrow(emptyText('unit'));
  });
});

describe('volunteer skills', () => {
  it('keeps each skill once', () => {
    expect(normaliseSkills(['理发', ' 理发 ', '家电维修'])).toEqual(['理发', '家电维修']);
  });

  it('caps skills at 20 and teams at 10', () => {
    expect(() => normaliseSkills(Array.from({ length: 21 }, (_, index) => `技能${index}`))).toThrow(tooManySkills());
    expect(() => requireTeamCount(Array.from({ length: 11 }, (_, index) => `team${index}`))).toThrow(tooManyVolunteerTeams());
  });
});

describe('party membership', () => {
  const now = new Date('2025-06-01T00:00:00Z');

  it('accepts a joining date from the 18th year on, up to today', () => {
    const since = new Date('1998-07-01T00:00:00Z');
    expect(requireMembershipSince(since, 1980, now)).toBe(since);
  });

  it('refuses a date in the future or before the age of 18', () => {
    expect(() => requireMembershipSince(new Date('2025-07-01T00:00:00Z'), 1980, now)).toThrow(membershipSinceInFuture());
    expect(() => requireMembershipSince(new Date('1997-07-01T00:00:00Z'), 1980, now)).toThrow(
      membershipBeforeJoiningAge(1980),
    );
  });
});

describe('chinaYear', () => {
  it('counts the new year from midnight in Beijing', () => {
    expect(chinaYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(chinaYear(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
  });
});
