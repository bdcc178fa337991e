import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { kindMismatch } from '../src/domain/organisation-tree.ts';
import { partnershipSideError } from '../src/domain/partnership-rules.ts';
import { agreementPartyError, deadlineError, resolutionDeadlineOutOfRange, responseDeadlineOutOfRange } from '../src/domain/agreement-rules.ts';
import { audienceError, audienceOutsidePublisher } from '../src/domain/post-rules.ts';
import { isPhoneNumber, normalisePhone } from '../src/domain/contact.ts';

describe('partnership rules', () => {
  it('pairs a community with a co-building unit', () => {
    expect(partnershipSideError('community', 'COMMUNITY_PARTY_COMMITTEE')).toBe(null);
    expect(partnershipSideError('unit', 'CO_BUILDING_UNIT')).toBe(null);
    expect(partnershipSideError('community', 'STREET_COMMITTEE')).toEqual(kindMismatch('communityId', 'COMMUNITY_PARTY_COMMITTEE', 'STREET_COMMITTEE'));
    expect(partnershipSideError('unit', 'MERCHANT')).toEqual(kindMismatch('unitId', 'CO_BUILDING_UNIT', 'MERCHANT'));
  });
});

describe('agreement rules', () => {
  it('checks the kind of each party', () => {
    expect(agreementPartyError('community', 'COMMUNITY_PARTY_COMMITTEE')).toBe(null);
    expect(agreementPartyError('ownersCommittee', 'OWNERS_COMMITTEE')).toBe(null);
    expect(agreementPartyError('propertyCompany', 'PROPERTY_COMPANY')).toBe(null);
    expect(agreementPartyError('propertyCompany', 'OWNERS_COMMITTEE')).toEqual(kindMismatch('propertyCompanyId', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE'));
  });

  it('accepts a response within a week and a resolution no sooner than the response', () => {
    expect(deadlineError(24, 72)).toBe(null);
    expect(deadlineError(24, 24)).toBe(null);
    expect(deadlineError(0, 72)).toEqual(responseDeadlineOutOfRange());
    expect(deadlineError(169, 200)).toEqual(responseDeadlineOutOfRange());
    expect(deadlineError(48, 24)).toEqual(resolutionDeadlineOutOfRange(48));
    expect(deadlineError(48, 2161)).toEqual(resolutionDeadlineOutOfRange(48));
  });
});

describe('post audience', () => {
  it('lets an organisation publish to itself or within its subtree only', () => {
    const street = new Types.ObjectId();
    const community = new Types.ObjectId();
    const neighbour = new Types.ObjectId();
    expect(audienceError(street, [street])).toBe(null);
    expect(audienceError(street, [street, community])).toBe(null);
    expect(audienceError(community, [street])).toEqual(audienceOutsidePublisher());
    expect(audienceError(street, [neighbour])).toEqual(audienceOutsidePublisher());
  });
});

describe('phone numbers', () => {
  it('accepts mobiles, landlines with area code and hotlines', () => {
    expect(['13812345678', '025-86451234', '02586451234', '0512-6688123', '12345'].map(isPhoneNumber)).toEqual([true, true, true, true, true]);
  });

  it('refuses anything else', () => {
    expect(['1381234567', '23812345678', '电话', '025-123', ''].map(isPhoneNumber)).toEqual([false, false, false, false, false]);
  });

  it('drops the spaces people type inside numbers', () => {
    expect(normalisePhone('138 1234 5678')).toBe('13812345678');
  });
});
