/** The words of the resources department, as the SDL spells them. */

export const RESOURCE_POOLS = ['ADMINISTRATIVE', 'MARKET', 'PUBLIC_WELFARE'] as const;
export type ResourcePool = (typeof RESOURCE_POOLS)[number];

export const RESOURCE_KINDS = ['SERVICE', 'VENUE', 'EXPERT', 'GOODS', 'FUND', 'PARKING'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_STATUSES = ['ACTIVE', 'SUSPENDED', 'RETIRED'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const BOOKING_STATUSES = ['CONFIRMED', 'CANCELLED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const LEDGER_ENTRY_KINDS = ['DEPOSIT', 'DISBURSEMENT'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export const DISBURSEMENT_STATES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type DisbursementState = (typeof DISBURSEMENT_STATES)[number];

export const PARKING_APPLICATION_STATUSES = ['ALLOCATED', 'WAITING', 'RELEASED', 'WITHDRAWN'] as const;
export type ParkingApplicationStatus = (typeof PARKING_APPLICATION_STATUSES)[number];

/** Kinds booked by time slot within weekly opening hours. */
export const SLOT_KINDS: readonly ResourceKind[] = ['SERVICE', 'VENUE', 'EXPERT'];

export function isSlotKind(kind: ResourceKind): boolean {
  return SLOT_KINDS.includes(kind);
}

/** Only slot kinds and goods are booked; funds pay out and parking allocates instead. */
export function isBookable(kind: ResourceKind): boolean {
  return isSlotKind(kind) || kind === 'GOODS';
}
