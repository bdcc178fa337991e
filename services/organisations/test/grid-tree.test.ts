import { describe, expect, it } from 'vitest';
import { gridPlacementError } from '../src/domain/grid-tree.ts';

describe('gridPlacementError', () => {
  it('lets a community grid stand alone, a general grid sit under it and a micro-grid under a general grid', () => {
    expect(gridPlacementError('COMMUNITY', null)).toBe(null);
    expect(gridPlacementError('GENERAL', 'COMMUNITY')).toBe(null);
    expect(gridPlacementError('MICRO', 'GENERAL')).toBe(null);
  });

  it('gives a community grid no parent', () => {
    expect(gridPlacementError('COMMUNITY', 'COMMUNITY')).toBe('a COMMUNITY grid has no parent grid');
  });

  it('requires the parent level one above', () => {
    expect(gridPlacementError('GENERAL', null)).toBe('a GENERAL grid must sit under a COMMUNITY grid');
    expect(gridPlacementError('MICRO', null)).toBe('a MICRO grid must sit under a GENERAL grid');
    expect(gridPlacementError('MICRO', 'COMMUNITY')).toBe('a MICRO grid must sit under a GENERAL grid, not a COMMUNITY grid');
    expect(gridPlacementError('GENERAL', 'MICRO')).toBe('a GENERAL grid must sit under a COMMUNITY grid, not a MICRO grid');
  });
});
