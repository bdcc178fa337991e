/** Who records the seeded pairings, check-ins, bookings and decisions (the `recordedBy` subject). */
export const SEED_SUBJECT = 'seed';
