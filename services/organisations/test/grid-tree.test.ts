import { describe, expect, it } from 'vitest';
import { gridPlacementError, gridWithoutParent, parentGridOfWrongLevel, topGridWithParent } from '../src/domain/grid-tree.ts';

describe('gridPlacementError', () => {
  it('lets a community grid stand alone, a general grid sit under it and a micro-grid under a general grid', () => {
    expect(gridPlacementError('COMMUNITY', null)).toBe(null);
    expect(gridPlacementError('GENERAL', 'COMMUNITY')).toBe(null);
    expect(gridPlacementError('MICRO', 'GENERAL')).toBe(null);
  });

  it('gives a community grid no parent', () => {
    expect(gridPlacementError('COMMUNITY', 'COMMUNITY')).toEqual(topGridWithParent('COMMUNITY'));
  });

  it('requires the parent level one above', () => {
    expect(gridPlacementError('GENERAL', null)).toEqual(gridWithoutParent('GENERAL'));
    expect(gridPlacementError('MICRO', null)).toEqual(gridWithoutParent('MICRO'));
    expect(gridPlacementError('MICRO', 'COMMUNITY')).toEqual(parentGridOfWrongLevel('MICRO', 'COMMUNITY'));
    expect(gridPlacementError('GENERAL', 'MICRO')).toEqual(parentGridOfWrongLevel('GENERAL', 'MICRO'));
  });
});
