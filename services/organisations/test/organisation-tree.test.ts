import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import {
  ALLOWED_PARENT_KINDS,
  ORGANISATION_KINDS,
  isWithin,
  organisationWithoutParent,
  parentOfWrongKind,
  placementError,
  positionUnder,
  rootWithParent,
} from '../src/domain/organisation-tree.ts';

describe('placementError', () => {
  it('lets the party line run district → street → community → branch → group', () => {
    expect(placementError('DISTRICT_COMMITTEE', null)).toBe(null);
    expect(placementError('STREET_COMMITTEE', 'DISTRICT_COMMITTEE')).toBe(null);
    expect(placementError('COMMUNITY_PARTY_COMMITTEE', 'STREET_COMMITTEE')).toBe(null);
    expect(placementError('PARTY_BRANCH', 'COMMUNITY_PARTY_COMMITTEE')).toBe(null);
    expect(placementError('PARTY_BRANCH', 'STREET_COMMITTEE')).toBe(null);
    expect(placementError('PARTY_GROUP', 'PARTY_BRANCH')).toBe(null);
  });

  it('puts a party group only under a party branch', () => {
    expect(placementError('PARTY_GROUP', 'COMMUNITY_PARTY_COMMITTEE')).toEqual(parentOfWrongKind('PARTY_GROUP', 'COMMUNITY_PARTY_COMMITTEE'));
    expect(placementError('PARTY_GROUP', null)).toEqual(organisationWithoutParent('PARTY_GROUP'));
  });

  it('puts a community only under a street and a street only under a district', () => {
    expect(placementError('COMMUNITY_PARTY_COMMITTEE', 'DISTRICT_COMMITTEE')).toEqual(parentOfWrongKind('COMMUNITY_PARTY_COMMITTEE', 'DISTRICT_COMMITTEE'));
    expect(placementError('STREET_COMMITTEE', 'STREET_COMMITTEE')).toEqual(parentOfWrongKind('STREET_COMMITTEE', 'STREET_COMMITTEE'));
  });

  it('puts a branch only under a community or a street', () => {
    expect(placementError('PARTY_BRANCH', 'DISTRICT_COMMITTEE')).toEqual(parentOfWrongKind('PARTY_BRANCH', 'DISTRICT_COMMITTEE'));
  });

  it('keeps the district committee a root', () => {
    expect(placementError('DISTRICT_COMMITTEE', 'STREET_COMMITTEE')).toEqual(rootWithParent('DISTRICT_COMMITTEE'));
  });

  it('puts partners and departments under a street or a community, nowhere else', () => {
    const partners = ['GOVERNMENT_DEPARTMENT', 'CO_BUILDING_UNIT', 'SOCIAL_ORGANISATION', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'VOLUNTEER_TEAM', 'MERCHANT'] as const;
    for (const kind of partners) {
      expect(placementError(kind, 'STREET_COMMITTEE')).toBe(null);
      expect(placementError(kind, 'COMMUNITY_PARTY_COMMITTEE')).toBe(null);
      expect(placementError(kind, 'PARTY_BRANCH')).toEqual(parentOfWrongKind(kind, 'PARTY_BRANCH'));
    }
    expect(placementError('RESIDENTS_COMMITTEE', 'STREET_COMMITTEE')).toEqual(parentOfWrongKind('RESIDENTS_COMMITTEE', 'STREET_COMMITTEE'));
  });

  it('has a rule for every kind and exactly one kind of root', () => {
    expect(Object.keys(ALLOWED_PARENT_KINDS).sort()).toEqual([...ORGANISATION_KINDS].sort());
    expect(ORGANISATION_KINDS.filter((kind) => ALLOWED_PARENT_KINDS[kind].length === 0)).toEqual(['DISTRICT_COMMITTEE']);
  });
});

describe('tree paths', () => {
  const district = new Types.ObjectId();
  const street = new Types.ObjectId();
  const community = new Types.ObjectId();

  it('gives a root an empty ancestry and a path of itself', () => {
    expect(positionUnder(null, district)).toEqual({ ancestorIds: [], path: [district] });
  });

  it('places a child below its parent, root first', () => {
    const streetPosition = positionUnder([district], street);
    expect(streetPosition).toEqual({ ancestorIds: [district], path: [district, street] });
    expect(positionUnder(streetPosition.path, community)).toEqual({ ancestorIds: [district, street], path: [district, street, community] });
  });

  it('never shares the parent path array with the child', () => {
    const parentPath = [district];
    const position = positionUnder(parentPath, street);
    position.ancestorIds.push(community);
    expect(parentPath).toEqual([district]);
  });

  it('tells whether a path lies within a subtree, the root included', () => {
    const path = [district, street, community];
    expect(isWithin(path, district)).toBe(true);
    expect(isWithin(path, community)).toBe(true);
    expect(isWithin([district, street], community)).toBe(false);
  });
});
