/** The resources service's seed: resources of the three pools with their bookings, fund ledgers and parking queues. */
export { generateResources, type ResourceRecords } from './resources-seed.ts';
// The opening-hours rule seeded bookings obey: the bench books the seeded venues by it too.
export { bookedSlots, chinaWeekTime, openingWindows, type OpeningWindow } from '../domain/opening-hours.ts';
export type { Weekday } from '../domain/vocabulary.ts';
// The service's own models, which infra's seed builds the indexes and inserts through.
export { createModels } from '../models/index.ts';
