import { describe, expect, it } from 'vitest';
import { checkGridSize, microGridSizeAdvice } from '../../src/domain/grid-size.ts';

describe('checkGridSize', () => {
  it('accepts a micro-grid of 30 to 100 households', () => {
    expect(checkGridSize('MICRO', 30)).toEqual({ householdCount: 30, withinStandard: true, message: null });
    expect(checkGridSize('MICRO', 100)).toEqual({ householdCount: 100, withinStandard: true, message: null });
  });

  it('advises on a micro-grid that is too small or too large', () => {
    expect(checkGridSize('MICRO', 29)).toEqual({ householdCount: 29, withinStandard: false, message: microGridSizeAdvice(29) });
    expect(checkGridSize('MICRO', 101)).toEqual({ householdCount: 101, withinStandard: false, message: microGridSizeAdvice(101) });
  });

  it('names the count and the bound crossed in its advice', () => {
    expect(microGridSizeAdvice(29)).toBe('This micro-grid holds 29 households, fewer than 30; a micro-grid should hold 30 to 100 households');
    expect(microGridSizeAdvice(101)).toBe('This micro-grid holds 101 households, more than 100; a micro-grid should hold 30 to 100 households');
  });

  it('holds a four-level party-group grid to the micro-grid standard', () => {
    expect(checkGridSize('PARTY_GROUP', 29)).toEqual({ householdCount: 29, withinStandard: false, message: microGridSizeAdvice(29) });
    expect(checkGridSize('PARTY_GROUP', 30)).toEqual({ householdCount: 30, withinStandard: true, message: null });
  });

  it('has no standard for the grids above micro-grids', () => {
    expect(checkGridSize('BRANCH', 3)).toEqual({ householdCount: 3, withinStandard: true, message: null });
    expect(checkGridSize('STREET', 9000)).toEqual({ householdCount: 9000, withinStandard: true, message: null });
    expect(checkGridSize('GENERAL', 3)).toEqual({ householdCount: 3, withinStandard: true, message: null });
    expect(checkGridSize('COMMUNITY', 2953)).toEqual({ householdCount: 2953, withinStandard: true, message: null });
  });
});
