/** The meetings service's seed: micro-project rounds with votes and reviews, coordination meetings on seeded complaints, hearings ahead. */
export { asComplaint, generateMeetings, type Complaint, type MeetingsSeed } from './meetings-seed.ts';
// The service's own models, which infra's seed builds the indexes and inserts through.
export { createModels } from '../models/index.ts';
