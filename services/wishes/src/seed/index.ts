/** The wishes service's seed: wishes and requests, each walked through the service's own state machine. */
export { generateWishes, type WishStream } from './wishes-seed.ts';
// The service's own models, which infra's seed builds the indexes and inserts through.
export { createModels } from '../models/index.ts';
