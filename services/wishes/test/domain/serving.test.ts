import { describe, expect, it } from 'vitest';
import { isMemberOf, servedByCountOutOfRange, servedByMissing, servedByNotNamed, servedByRepeated, servedByViolation, whoServed } from '../../src/domain/serving.ts';
import { Types } from 'mongoose';

const ids = (count: number) => Array.from({ length: count }, (_, n) => `resident-${n}`);

describe('servedByViolation', () => {
  it('takes no names for a request or a resident claim, and needs them for an organisation claim', () => {
    expect(servedByViolation({ request: true, claimantKind: null }, undefined)).toBe(null);
    expect(servedByViolation({ request: true, claimantKind: null }, ['a'])).toEqual(servedByNotNamed());
    expect(servedByViolation({ request: false, claimantKind: 'RESIDENT' }, null)).toBe(null);
    expect(servedByViolation({ request: false, claimantKind: 'RESIDENT' }, [])).toEqual(servedByNotNamed());
    expect(servedByViolation({ request: false, claimantKind: 'ORGANISATION' }, undefined)).toEqual(servedByMissing());
  });

  it('takes 1 to 20 distinct residents for an organisation claim', () => {
    const organisation = { request: false, claimantKind: 'ORGANISATION' } as const;
    expect(servedByViolation(organisation, [])).toEqual(servedByCountOutOfRange());
    expect(servedByViolation(organisation, ids(1))).toBe(null);
    expect(servedByViolation(organisation, ids(20))).toBe(null);
    expect(servedByViolation(organisation, ids(21))).toEqual(servedByCountOutOfRange());
    expect(servedByViolation(organisation, ['a', 'b', 'a'])).toEqual(servedByRepeated(2));
  });
});

describe('isMemberOf', () => {
  const committee = 'committee';
  const branch = 'branch';
  const team = 'team';
  it('counts a party branch, a volunteer team and the organisations above them', () => {
    expect(isMemberOf(branch, { branchPath: ['district', committee, branch], teamPaths: [] })).toBe(true);
    expect(isMemberOf(committee, { branchPath: ['district', committee, branch], teamPaths: [] })).toBe(true);
    expect(isMemberOf(team, { branchPath: null, teamPaths: [['district', 'street', team]] })).toBe(true);
  });

  it('counts nothing else', () => {
    expect(isMemberOf('unit', { branchPath: ['district', committee, branch], teamPaths: [['district', 'street', team]] })).toBe(false);
    expect(isMemberOf(branch, { branchPath: null, teamPaths: [] })).toBe(false);
  });
});

describe('whoServed', () => {
  const resident = new Types.ObjectId();
  const member = new Types.ObjectId();

  it('is who the wish names when it names them', () => {
    expect(whoServed({ servedBy: [member], claimantKind: 'ORGANISATION', claimantId: new Types.ObjectId() })).toEqual([member]);
  });

  it('is the resident claimant of a wish fulfilled before who served was kept', () => {
    expect(whoServed({ claimantKind: 'RESIDENT', claimantId: resident })).toEqual([resident]);
  });

  it('is no one for an organisation claim fulfilled before who served was kept', () => {
    expect(whoServed({ claimantKind: 'ORGANISATION', claimantId: new Types.ObjectId() })).toEqual([]);
  });
});
