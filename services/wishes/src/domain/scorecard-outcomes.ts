/**
 * The outcomes recorded on a unit's scored wishes (domain/outcome.ts), added up: how many carry
 * one, the beneficiaries stated (a count not stated adds nothing), the distinct partner
 * organisations, and the amounts of each item in each unit (7000 斤 of 蔬菜 and 20 kg of 蔬菜 stay
 * apart). Amounts are rounded to thousandths so that sums of decimals read as entered.
 */

export interface OutcomeQuantitySum {
  item: string;
  unit: string;
  amount: number;
}

/** What the aggregation gives for one unit (persistence/scorecard-facts.ts). */
export interface OutcomeTotals {
  recorded: number;
  households: number;
  persons: number;
  /** Partner ids as named on each outcome, repeats included. */
  partnerIds: string[];
  quantities: OutcomeQuantitySum[];
}

export interface ScorecardOutcomes {
  recorded: number;
  beneficiaryHouseholds: number;
  beneficiaryPersons: number;
  partnerOrganisations: number;
  quantities: OutcomeQuantitySum[];
}

export function noOutcomes(): OutcomeTotals {
  return { recorded: 0, households: 0, persons: 0, partnerIds: [], quantities: [] };
}

export function addOutcomes(a: OutcomeTotals, b: OutcomeTotals): OutcomeTotals {
  return {
    recorded: a.recorded + b.recorded,
    households: a.households + b.households,
    persons: a.persons + b.persons,
    partnerIds: [...a.partnerIds, ...b.partnerIds],
    quantities: [...a.quantities, ...b.quantities],
  };
}

export function outcomeSums(facts: OutcomeTotals): ScorecardOutcomes {
  const sums = new Map<string, OutcomeQuantitySum>();
  for (const { item, unit, amount } of facts.quantities) {
    const key = JSON.stringify([item, unit]);
    const sum = sums.get(key) ?? { item, unit, amount: 0 };
    sums.set(key, { ...sum, amount: sum.amount + amount });
  }
  const byItemThenUnit = (a: OutcomeQuantitySum, b: OutcomeQuantitySum) => (a.item === b.item ? compare(a.unit, b.unit) : compare(a.item, b.item));
  return {
    recorded: facts.recorded,
    beneficiaryHouseholds: facts.households,
    beneficiaryPersons: facts.persons,
    partnerOrganisations: new Set(facts.partnerIds).size,
    quantities: [...sums.values()].map((sum) => ({ ...sum, amount: Math.round(sum.amount * 1000) / 1000 })).sort(byItemThenUnit),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
