import { describe, expect, it } from 'vitest';
import type { Viewer } from '@civic/identity';
import { canSeeHouseholdAddress, maskIdNumber, maskName, maskPhone } from '../../src/domain/pii.ts';

const COMMUNITY_PATH = ['d1', 's1', 'c1'];

function viewer(overrides: Partial<Viewer>): Viewer {
  return { subject: 'someone', residentId: null, roles: ['RESIDENT'], scope: [], ...overrides };
}

describe('masking', () => {
  it('masks a name to its surname and one star per remaining character', () => {
    expect(maskName('赵小明')).toBe('赵**');
    expect(maskName('钱芳')).toBe('钱*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('买买提·艾力')).toBe('买**·**');
    expect(maskName('李')).toBe('李');
  });

  it('masks a phone to the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks an ID number to the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('canSeeHouseholdAddress', () => {
  const household = { id: 'h1', organisationPath: COMMUNITY_PATH };

  it('shows the people who live there, covering staff and services', () => {
    expect(canSeeHouseholdAddress(viewer({ residentId: 'r1' }), 'h1', household)).toBe(true);
    expect(canSeeHouseholdAddress(viewer({ roles: ['GRID_WORKER'], scope: ['c1'] }), null, household)).toBe(true);
    expect(canSeeHouseholdAddress(viewer({ roles: ['SERVICE'] }), null, household)).toBe(true);
  });

  it('hides it from neighbours elsewhere', () => {
    expect(canSeeHouseholdAddress(viewer({ residentId: 'r2' }), 'h2', household)).toBe(false);
  });
});
