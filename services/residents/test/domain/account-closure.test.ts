import { describe, expect, it } from 'vitest';
import { ACCOUNT_CLOSURE_CONFIRMATION, closedRecordFacts, CLOSED_RESIDENT_NAME, isClosed, requireClosureConfirmed, requireOpen } from '../../src/domain/account-closure.ts';
import { closureNotConfirmed, residentClosed } from '../../src/errors.ts';

describe('closing an account', () => {
  it('sets the closed record over every fact that described the person, keeping why as a category', () => {
    const now = new Date('2026-07-01T02:00:00.000Z');
    expect(closedRecordFacts('DECEASED', now)).toEqual({
      set: {
        name: CLOSED_RESIDENT_NAME,
        gender: null,
        birthYear: null,
        specialCare: [],
        verificationStatus: 'UNVERIFIED',
        householdId: null,
        status: 'CLOSED',
        closedAt: now,
        closureReason: 'DECEASED',
        updatedAt: now,
      },
      unset: ['partyMembership', 'volunteerProfile'],
    });
    expect(CLOSED_RESIDENT_NAME).toBe('已注销居民');
  });

  it('reads a record without a status as open, and refuses actions on a closed one', () => {
    expect([isClosed({}), isClosed({ status: 'ACTIVE' }), isClosed({ status: 'CLOSED' })]).toEqual([false, false, true]);
    expect(() => requireOpen({ status: 'ACTIVE' }, 'CLOSE')).not.toThrow();
    expect(() => requireOpen({ status: 'CLOSED' }, 'CLOSE')).toThrow(residentClosed('CLOSE'));
  });

  it('asks the resident to type the confirmation phrase, spaces around it allowed', () => {
    expect(ACCOUNT_CLOSURE_CONFIRMATION).toBe('确认注销');
    expect(() => requireClosureConfirmed(' 确认注销 ')).not.toThrow();
    for (const typed of ['', '注销', '确认', 'yes']) expect(() => requireClosureConfirmed(typed)).toThrow(closureNotConfirmed('确认注销'));
  });
});
