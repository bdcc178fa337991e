import { describe, expect, it } from 'vitest';
import { hostLevel, isWithinReach, linkNotHttps, meetingLevel, placeAndLink, venueError, venueMissing } from '../src/domain/meeting-rules.ts';
import { isAdopted, moreVotesThanAttendees, noVoteCounted, voteCountError, voteCountNotWhole } from '../src/domain/decision-rules.ts';
import { organisationRoleForResident, residentRoleForOrganisation, roleError, roleNeedsKind } from '../src/domain/participant-rules.ts';

describe('meeting level', () => {
  it("takes a host's own level, or its nearest level-giving ancestor's", () => {
    expect(hostLevel(['DISTRICT_COMMITTEE', 'STREET_COMMITTEE'])).toBe('STREET');
    expect(hostLevel(['DISTRICT_COMMITTEE', 'STREET_COMMITTEE', 'COMMUNITY_PARTY_COMMITTEE', 'PROPERTY_COMPANY'])).toBe('COMMUNITY');
    expect(hostLevel(['CO_BUILDING_UNIT'])).toBe(null);
  });

  it('is the highest host level of a joint conference', () => {
    const street = ['DISTRICT_COMMITTEE', 'STREET_COMMITTEE'];
    const community = [...street, 'COMMUNITY_PARTY_COMMITTEE'];
    expect(meetingLevel([community, street])).toBe('STREET');
    expect(meetingLevel([community])).toBe('COMMUNITY');
    expect(meetingLevel([community, ['CO_BUILDING_UNIT']])).toBe(null);
  });
});

describe('venue', () => {
  it('needs exactly one of a place and an https link', () => {
    expect(venueError('新城社区党群服务中心', null)).toBe(null);
    expect(venueError(null, 'https://meeting.example.cn/123')).toBe(null);
    expect(venueError(null, null)).toEqual(venueMissing());
    expect(venueError('会议室', 'https://meeting.example.cn/123')).toEqual(placeAndLink());
    expect(venueError(null, 'http://meeting.example.cn')).toEqual(linkNotHttps());
  });
});

describe('decisions', () => {
  it('accept vote counts that are whole, not negative and no more than the attendees', () => {
    expect(voteCountError({ inFavour: 5, against: 1, abstaining: 1 }, 7)).toBe(null);
    expect(voteCountError({ inFavour: -1, against: 1, abstaining: 1 }, 7)).toEqual(voteCountNotWhole('inFavour'));
    expect(voteCountError({ inFavour: 1, against: 1.5, abstaining: 0 }, 7)).toEqual(voteCountNotWhole('against'));
    expect(voteCountError({ inFavour: 5, against: 2, abstaining: 1 }, 7)).toEqual(moreVotesThanAttendees(8, 7));
    expect(voteCountError({ inFavour: 0, against: 0, abstaining: 0 }, 7)).toEqual(noVoteCounted());
  });

  it('carry with more than half of the votes cast in favour, or without a vote', () => {
    expect(isAdopted({ inFavour: 4, against: 2, abstaining: 1 })).toBe(true);
    expect(isAdopted({ inFavour: 3, against: 2, abstaining: 1 })).toBe(false);
    expect(isAdopted(null)).toBe(true);
  });
});

describe('matters a meeting may take up', () => {
  // district d → street s → communities c1, c2; the meeting is hosted by c1.
  const hostIds = ['c1'];
  const hostPaths = ['d', 's', 'c1'];

  it("are the hosts' own, those under them, and those above them", () => {
    expect(isWithinReach(['d', 's', 'c1'], hostIds, hostPaths)).toBe(true);
    expect(isWithinReach(['d', 's', 'c1', 'property'], hostIds, hostPaths)).toBe(true);
    expect(isWithinReach(['d', 's'], hostIds, hostPaths)).toBe(true);
  });

  it("are not a neighbouring community's, nor of nowhere", () => {
    expect(isWithinReach(['d', 's', 'c2'], hostIds, hostPaths)).toBe(false);
    expect(isWithinReach(['d', 's', 'c2', 'property'], hostIds, hostPaths)).toBe(false);
    expect(isWithinReach([], hostIds, hostPaths)).toBe(false);
  });
});

describe('participant roles', () => {
  it('fit residents and organisations apart', () => {
    expect(roleError('RESIDENT_REP', null)).toBe(null);
    expect(roleError('PROPERTY_COMPANY', null)).toEqual(organisationRoleForResident('PROPERTY_COMPANY'));
    expect(roleError('PROPERTY_COMPANY', 'PROPERTY_COMPANY')).toBe(null);
    expect(roleError('OWNERS_COMMITTEE', 'PROPERTY_COMPANY')).toEqual(roleNeedsKind('OWNERS_COMMITTEE', 'OWNERS_COMMITTEE'));
    expect(roleError('DEPARTMENT_HEAD', 'STREET_COMMITTEE')).toBe(null);
    expect(roleError('RESIDENT_REP', 'OWNERS_COMMITTEE')).toEqual(residentRoleForOrganisation('RESIDENT_REP'));
  });
});
