import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { REMOVED_TEXT, standsForClosedAccount, wishWithoutResident, type ClosureSubject } from '../../src/domain/resident-closure.ts';

const id = (n: number) => new Types.ObjectId(n.toString(16).padStart(24, '0'));
const closing = id(1);
const neighbour = id(2);
const fresh = id(99);
const at = new Date('2026-07-01T02:00:00.000Z');

function aWish(fields: Partial<ClosureSubject>): ClosureSubject {
  return {
    requesterId: neighbour,
    description: '快递放在小区门口驿站',
    recordedBy: neighbour.toHexString(),
    feedback: null,
    claimantKind: null,
    claimantId: null,
    gridClaimantIds: [],
    timeline: [{ action: 'SUBMIT', actor: neighbour.toHexString(), at, note: null, status: 'SUBMITTED' }],
    ...fields,
  };
}

describe('a wish without a resident who closed their account', () => {
  it('as requester: a stand-in id, the description and the feedback comment gone, the rating and the steps kept', () => {
    const wish = aWish({
      requesterId: closing,
      description: '我患有糖尿病，腿脚不便',
      recordedBy: `resident:${closing.toHexString()}`,
      feedback: { rating: 4, comment: '谢谢', automatic: false, at },
      timeline: [
        { action: 'SUBMIT', actor: `resident:${closing.toHexString()}`, at, note: '请尽快', status: 'SUBMITTED' },
        { action: 'PUBLISH', actor: 'staff:li-hong', at, note: null, status: 'PUBLISHED' },
      ],
    });
    expect(wishWithoutResident(wish, closing, fresh)).toEqual({
      requesterId: fresh,
      description: REMOVED_TEXT,
      feedback: { rating: 4, comment: null, automatic: false, at },
      recordedBy: 'closed-account',
      timeline: [
        { action: 'SUBMIT', actor: 'closed-account', at, note: null, status: 'SUBMITTED' },
        { action: 'PUBLISH', actor: 'staff:li-hong', at, note: null, status: 'PUBLISHED' },
      ],
      closedAccountIds: [fresh],
    });
  });

  it('as claimant, one who served and a possible claimant of the grid: the same stand-in in each role of this wish', () => {
    const wish = aWish({ claimantKind: 'RESIDENT', claimantId: closing, servedBy: [closing], gridClaimantIds: [neighbour, closing] });
    expect(wishWithoutResident(wish, closing, fresh)).toEqual({ claimantId: fresh, servedBy: [fresh], gridClaimantIds: [neighbour], closedAccountIds: [fresh] });
  });

  it('keeps an organisation claimant with the same id, and changes nothing of a wish the person had no part in', () => {
    expect(wishWithoutResident(aWish({ claimantKind: 'ORGANISATION', claimantId: closing }), closing, fresh)).toBeNull();
    expect(wishWithoutResident(aWish({}), closing, fresh)).toBeNull();
  });

  it('removes only a step the person took, however their subject was written, and needs no stand-in for it', () => {
    const wish = aWish({ timeline: [{ action: 'CLAIM', actor: closing.toHexString(), at, note: '我来帮忙', status: 'CLAIMED' }] });
    expect(wishWithoutResident(wish, closing, fresh)).toEqual({ timeline: [{ action: 'CLAIM', actor: 'closed-account', at, note: null, status: 'CLAIMED' }] });
  });

  it('tells a stand-in from a resident', () => {
    expect([standsForClosedAccount({ closedAccountIds: [fresh] }, fresh), standsForClosedAccount({ closedAccountIds: [fresh] }, neighbour), standsForClosedAccount({}, fresh)]).toEqual([true, false, false]);
  });
});
