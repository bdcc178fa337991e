import { requireText } from '@civic/service-kit';

/**
 * Building, unit and room as one canonical spelling, so that "３栋" and "3栋 " are the same
 * household for the unique address index: full-width characters become half-width (NFKC),
 * whitespace is trimmed and collapsed.
 */
export const ADDRESS_PART_MAX_LENGTH = 20;

export function normaliseAddressPart(field: string, raw: string): string {
  return requireText(field, raw.normalize('NFKC').replace(/\s+/g, ' '), { max: ADDRESS_PART_MAX_LENGTH });
}

export interface HouseholdAddress {
  building: string;
  unit: string;
  room: string;
}

export function normaliseHouseholdAddress(input: HouseholdAddress): HouseholdAddress {
  return {
    building: normaliseAddressPart('building', input.building),
    unit: normaliseAddressPart('unit', input.unit),
    room: normaliseAddressPart('room', input.room),
  };
}
