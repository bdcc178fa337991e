import { describe, expect, it } from 'vitest';
import {
  GRID_LEVELS,
  gridPlacementError,
  gridWithoutParent,
  isLowestLevel,
  ownerKindOf,
  parentGridOfOtherShape,
  parentGridOfWrongLevel,
  topGridWithParent,
} from '../src/domain/grid-tree.ts';

describe('gridPlacementError, three levels', () => {
  it('lets a community grid stand alone, a general grid sit under it and a micro-grid under a general grid', () => {
    expect(gridPlacementError('COMMUNITY', null)).toBe(null);
    expect(gridPlacementError('GENERAL', ['COMMUNITY'])).toBe(null);
    expect(gridPlacementError('MICRO', ['COMMUNITY', 'GENERAL'])).toBe(null);
  });

  it('requires the parent level one above', () => {
    expect(gridPlacementError('GENERAL', null)).toEqual(gridWithoutParent('GENERAL'));
    expect(gridPlacementError('MICRO', null)).toEqual(gridWithoutParent('MICRO'));
    expect(gridPlacementError('MICRO', ['COMMUNITY'])).toEqual(parentGridOfWrongLevel('MICRO', 'COMMUNITY'));
    expect(gridPlacementError('GENERAL', ['COMMUNITY', 'GENERAL', 'MICRO'])).toEqual(parentGridOfWrongLevel('GENERAL', 'MICRO'));
    expect(gridPlacementError('COMMUNITY', ['COMMUNITY'])).toEqual(parentGridOfWrongLevel('COMMUNITY', 'COMMUNITY'));
  });

  it('says which parents a level takes', () => {
    expect(gridWithoutParent('MICRO').message).toBe('a MICRO grid must sit under a GENERAL grid');
    expect(parentGridOfWrongLevel('COMMUNITY', 'GENERAL').message).toBe('a COMMUNITY grid must sit under no parent grid or a STREET grid, not a GENERAL grid');
  });
});

describe('gridPlacementError, four levels (street, community, branch, party group)', () => {
  it('lets a street grid stand alone and the community, branch and party-group grids follow it down', () => {
    expect(gridPlacementError('STREET', null)).toBe(null);
    expect(gridPlacementError('COMMUNITY', ['STREET'])).toBe(null);
    expect(gridPlacementError('BRANCH', ['STREET', 'COMMUNITY'])).toBe(null);
    expect(gridPlacementError('PARTY_GROUP', ['STREET', 'COMMUNITY', 'BRANCH'])).toBe(null);
  });

  it('gives a street grid no parent', () => {
    expect(gridPlacementError('STREET', ['STREET'])).toEqual(topGridWithParent('STREET'));
  });

  it('keeps each community to one shape: no branch grid under a three-level community grid, no general grid under a four-level one', () => {
    expect(gridPlacementError('BRANCH', ['COMMUNITY'])).toEqual(parentGridOfOtherShape('BRANCH', ['COMMUNITY']));
    expect(gridPlacementError('GENERAL', ['STREET', 'COMMUNITY'])).toEqual(parentGridOfOtherShape('GENERAL', ['STREET', 'COMMUNITY']));
    expect(gridPlacementError('MICRO', ['STREET', 'COMMUNITY', 'BRANCH'])).toEqual(parentGridOfWrongLevel('MICRO', 'BRANCH'));
    expect(gridPlacementError('PARTY_GROUP', ['COMMUNITY', 'GENERAL'])).toEqual(parentGridOfWrongLevel('PARTY_GROUP', 'GENERAL'));
    expect(gridPlacementError('PARTY_GROUP', null)).toEqual(gridWithoutParent('PARTY_GROUP'));
  });
});

describe('levels', () => {
  it('mobilises the lowest level of each shape only', () => {
    expect(GRID_LEVELS.filter(isLowestLevel)).toEqual(['MICRO', 'PARTY_GROUP']);
  });

  it('puts a street grid under a street committee and every other grid under a community party committee', () => {
    expect(ownerKindOf('STREET')).toBe('STREET_COMMITTEE');
    expect(ownerKindOf('COMMUNITY')).toBe('COMMUNITY_PARTY_COMMITTEE');
    expect(ownerKindOf('PARTY_GROUP')).toBe('COMMUNITY_PARTY_COMMITTEE');
  });
});
