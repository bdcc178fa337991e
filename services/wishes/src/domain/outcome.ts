import type { InputViolation } from '@civic/service-kit';

/**
 * What a fulfilled wish or resolved request achieved, beyond its note: amounts of what was done
 * (7000 斤 of vegetables, 12 次 of visits), who benefited, the organisations involved. Units are
 * free text (斤, kg, 件, 次, 小时, 元, 份...) of at most OUTCOME_LIMITS.unit characters, so that a
 * street's own units fit; scorecards add amounts of the same item and unit only.
 */

export const OUTCOME_LIMITS = { quantities: 10, item: 40, unit: 8, amount: 1_000_000_000, households: 100_000, persons: 1_000_000, partners: 50 } as const;

const DAY_MS = 86_400_000;

/** The outcome as the client states it (GraphQL OutcomeInput). */
export interface OutcomeStatement {
  quantities?: readonly { item: string; amount: number; unit: string }[] | null;
  beneficiaries?: { households?: number | null; persons?: number | null } | null;
  partnerIds?: readonly string[] | null;
}

export function outcomeEmpty(): InputViolation {
  return { field: 'outcome', message: 'must state a quantity, the beneficiaries or a partner' };
}

export function tooManyQuantities(): InputViolation {
  return { field: 'outcome.quantities', message: `must hold at most ${OUTCOME_LIMITS.quantities} quantities` };
}

export function quantityItemLength(index: number): InputViolation {
  return { field: `outcome.quantities[${index}].item`, message: `must have 1 to ${OUTCOME_LIMITS.item} characters` };
}

export function quantityAmountOutOfRange(index: number): InputViolation {
  return { field: `outcome.quantities[${index}].amount`, message: `must be more than 0 and at most ${OUTCOME_LIMITS.amount}` };
}

export function quantityUnitLength(index: number): InputViolation {
  return { field: `outcome.quantities[${index}].unit`, message: `must have 1 to ${OUTCOME_LIMITS.unit} characters` };
}

export function beneficiaryCountOutOfRange(count: 'households' | 'persons'): InputViolation {
  return { field: `outcome.beneficiaries.${count}`, message: `must be a whole number from 0 to ${OUTCOME_LIMITS[count]}` };
}

export function tooManyPartners(): InputViolation {
  return { field: 'outcome.partnerIds', message: `must name at most ${OUTCOME_LIMITS.partners} organisations` };
}

export function partnerRepeated(index: number): InputViolation {
  return { field: `outcome.partnerIds[${index}]`, message: 'names an organisation already named' };
}

/** The first thing wrong with the stated `outcome` argument, naming its field; null when it may be recorded. */
export function outcomeViolation(outcome: OutcomeStatement): InputViolation | null {
  const quantities = outcome.quantities ?? [];
  const partnerIds = outcome.partnerIds ?? [];
  const beneficiaries = outcome.beneficiaries ?? {};
  const statesBeneficiaries = isGiven(beneficiaries.households) || isGiven(beneficiaries.persons);
  if (quantities.length === 0 && !statesBeneficiaries && partnerIds.length === 0) return outcomeEmpty();
  if (quantities.length > OUTCOME_LIMITS.quantities) return tooManyQuantities();
  for (const [index, { item, amount, unit }] of quantities.entries()) {
    if (!hasLength(item, OUTCOME_LIMITS.item)) return quantityItemLength(index);
    if (!Number.isFinite(amount) || amount <= 0 || amount > OUTCOME_LIMITS.amount) return quantityAmountOutOfRange(index);
    if (!hasLength(unit, OUTCOME_LIMITS.unit)) return quantityUnitLength(index);
  }
  for (const count of ['households', 'persons'] as const) {
    const value = beneficiaries[count];
    if (isGiven(value) && !(Number.isInteger(value) && value >= 0 && value <= OUTCOME_LIMITS[count])) return beneficiaryCountOutOfRange(count);
  }
  if (partnerIds.length > OUTCOME_LIMITS.partners) return tooManyPartners();
  const repeated = partnerIds.findIndex((id, index) => partnerIds.indexOf(id) !== index);
  return repeated === -1 ? null : partnerRepeated(repeated);
}

/** Text of 1 to max characters once trimmed (it is stored trimmed). */
function hasLength(text: string, max: number): boolean {
  const length = text.trim().length;
  return length > 0 && length <= max;
}

function isGiven(count: number | null | undefined): count is number {
  return count !== null && count !== undefined;
}

/** The outcome as recorded: its texts trimmed, beneficiaries null when neither count is stated, the days taken reckoned by the service. */
export interface RecordedOutcome<Id> {
  quantities: { item: string; amount: number; unit: string }[];
  beneficiaries: { households: number | null; persons: number | null } | null;
  partnerIds: Id[];
  daysTaken: number;
  recordedAt: Date;
}

/**
 * What a fulfilment or resolution at `completedAt` of a wish taken up at `takenAt` records from a
 * statement found valid (`outcomeViolation`), its partners given as ids.
 */
export function recordedOutcome<Id>(statement: OutcomeStatement, partnerIds: Id[], takenAt: Date, completedAt: Date): RecordedOutcome<Id> {
  const households = statement.beneficiaries?.households ?? null;
  const persons = statement.beneficiaries?.persons ?? null;
  return {
    quantities: (statement.quantities ?? []).map(({ item, amount, unit }) => ({ item: item.trim(), amount, unit: unit.trim() })),
    beneficiaries: households === null && persons === null ? null : { households, persons },
    partnerIds,
    daysTaken: daysTaken(takenAt, completedAt),
    recordedAt: completedAt,
  };
}

/**
 * Whole days from when the wish was taken up (claimed, or the request routed) to its fulfilment
 * or resolution: completed periods of 24 hours, so 5 days and 7 hours is 5, and a same-day
 * fulfilment 0. A wish handed back and claimed again counts from the new claim.
 */
export function daysTaken(takenAt: Date, completedAt: Date): number {
  return Math.max(0, Math.floor((completedAt.getTime() - takenAt.getTime()) / DAY_MS));
}
