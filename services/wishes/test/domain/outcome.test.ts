import { describe, expect, it } from 'vitest';
import {
  OUTCOME_LIMITS,
  beneficiaryCountOutOfRange,
  daysTaken,
  outcomeEmpty,
  outcomeViolation,
  partnerRepeated,
  quantityAmountOutOfRange,
  quantityItemLength,
  quantityUnitLength,
  recordedOutcome,
  tooManyPartners,
  tooManyQuantities,
} from '../../src/domain/outcome.ts';

const VEGETABLES = { item: '蔬菜', amount: 7000, unit: '斤' };
const CANTEEN = '650000000000000000000001';

describe('outcomeViolation', () => {
  it('accepts a quantity alone, beneficiaries alone, or partners alone', () => {
    expect([
      outcomeViolation({ quantities: [VEGETABLES] }),
      outcomeViolation({ beneficiaries: { households: 1 } }),
      outcomeViolation({ beneficiaries: { persons: 0 } }),
      outcomeViolation({ partnerIds: [CANTEEN] }),
      outcomeViolation({ quantities: [{ item: '上门探访', amount: 0.5, unit: '小时' }], beneficiaries: { households: 3, persons: 7 }, partnerIds: [CANTEEN] }),
    ]).toEqual([null, null, null, null, null]);
  });

  it('refuses an outcome that states nothing', () => {
    expect([outcomeViolation({}), outcomeViolation({ quantities: [], partnerIds: [], beneficiaries: {} }), outcomeViolation({ beneficiaries: { households: null, persons: null } })]).toEqual([
      outcomeEmpty(),
      outcomeEmpty(),
      outcomeEmpty(),
    ]);
  });

  it('refuses amounts of 0 or less, past the limit or not finite, naming the quantity', () => {
    const second = (amount: number) => outcomeViolation({ quantities: [VEGETABLES, { ...VEGETABLES, amount }] });
    expect([second(0), second(-3), second(OUTCOME_LIMITS.amount + 1), second(Number.NaN), second(Number.POSITIVE_INFINITY), second(OUTCOME_LIMITS.amount)]).toEqual([
      quantityAmountOutOfRange(1),
      quantityAmountOutOfRange(1),
      quantityAmountOutOfRange(1),
      quantityAmountOutOfRange(1),
      quantityAmountOutOfRange(1),
      null,
    ]);
  });

  it('refuses empty or over-long items and units, and too many quantities', () => {
    expect([
      outcomeViolation({ quantities: [{ ...VEGETABLES, item: '  ' }] }),
      outcomeViolation({ quantities: [{ ...VEGETABLES, item: '菜'.repeat(OUTCOME_LIMITS.item + 1) }] }),
      outcomeViolation({ quantities: [{ ...VEGETABLES, unit: '' }] }),
      outcomeViolation({ quantities: [{ ...VEGETABLES, unit: '公斤公斤公斤公斤公' }] }),
      outcomeViolation({ quantities: Array.from({ length: OUTCOME_LIMITS.quantities + 1 }, () => VEGETABLES) }),
    ]).toEqual([quantityItemLength(0), quantityItemLength(0), quantityUnitLength(0), quantityUnitLength(0), tooManyQuantities()]);
  });

  it('refuses negative or fractional beneficiary counts', () => {
    expect([outcomeViolation({ beneficiaries: { households: -1 } }), outcomeViolation({ beneficiaries: { households: 1, persons: 2.5 } })]).toEqual([
      beneficiaryCountOutOfRange('households'),
      beneficiaryCountOutOfRange('persons'),
    ]);
  });

  it('refuses a partner named twice and too many partners', () => {
    const many = Array.from({ length: OUTCOME_LIMITS.partners + 1 }, (_, n) => `6500000000000000000${String(n).padStart(5, '0')}`);
    expect([outcomeViolation({ partnerIds: [CANTEEN, '650000000000000000000002', CANTEEN] }), outcomeViolation({ partnerIds: many })]).toEqual([partnerRepeated(2), tooManyPartners()]);
  });
});

describe('daysTaken', () => {
  const claimed = new Date('2026-05-04T09:00:00.000Z');
  it('counts completed 24-hour periods from the claim or routing', () => {
    expect([
      daysTaken(claimed, new Date('2026-05-04T20:00:00.000Z')),
      daysTaken(claimed, new Date('2026-05-05T08:59:59.999Z')),
      daysTaken(claimed, new Date('2026-05-05T09:00:00.000Z')),
      daysTaken(claimed, new Date('2026-05-09T16:00:00.000Z')),
    ]).toEqual([0, 0, 1, 5]);
  });
});

describe('recordedOutcome', () => {
  const claimed = new Date('2026-05-04T09:00:00.000Z');
  const sold = new Date('2026-05-09T16:00:00.000Z');

  it('records the statement trimmed, with the partners given and the whole days taken since the claim', () => {
    const statement = { quantities: [{ item: ' 蔬菜 ', amount: 7000, unit: '斤 ' }], beneficiaries: { households: 1 }, partnerIds: [CANTEEN] };
    expect(recordedOutcome(statement, ['canteen'], claimed, sold)).toEqual({
      quantities: [VEGETABLES],
      beneficiaries: { households: 1, persons: null },
      partnerIds: ['canteen'],
      daysTaken: 5,
      recordedAt: sold,
    });
  });

  it('records no beneficiaries when neither count is stated', () => {
    expect(recordedOutcome({ quantities: [VEGETABLES], beneficiaries: { households: null } }, [], claimed, claimed)).toEqual({
      quantities: [VEGETABLES],
      beneficiaries: null,
      partnerIds: [],
      daysTaken: 0,
      recordedAt: claimed,
    });
  });
});
