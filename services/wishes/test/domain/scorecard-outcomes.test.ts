import { expect, it } from 'vitest';
import { addOutcomes, noOutcomes, outcomeSums } from '../../src/domain/scorecard-outcomes.ts';

it('adds amounts of the same item and unit only, counts partners once, and sums the beneficiaries stated', () => {
  const handled = { recorded: 2, households: 1, persons: 3, partnerIds: ['p1', 'p2'], quantities: [{ item: '蔬菜', unit: '斤', amount: 7000 }, { item: '蔬菜', unit: 'kg', amount: 20.1 }] };
  const claimed = { recorded: 1, households: 0, persons: 2, partnerIds: ['p2', 'p3'], quantities: [{ item: '蔬菜', unit: '斤', amount: 0.2 }, { item: '上门探访', unit: '次', amount: 12 }] };
  expect(outcomeSums(addOutcomes(handled, claimed))).toEqual({
    recorded: 3,
    beneficiaryHouseholds: 1,
    beneficiaryPersons: 5,
    partnerOrganisations: 3,
    quantities: [
      { item: '上门探访', unit: '次', amount: 12 },
      { item: '蔬菜', unit: 'kg', amount: 20.1 },
      { item: '蔬菜', unit: '斤', amount: 7000.2 },
    ],
  });
  expect(outcomeSums(noOutcomes())).toEqual({ recorded: 0, beneficiaryHouseholds: 0, beneficiaryPersons: 0, partnerOrganisations: 0, quantities: [] });
});
