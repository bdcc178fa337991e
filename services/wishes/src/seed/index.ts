/** The wishes service's seed: wishes and requests, each walked through the service's own state machine. */
export { generateWishes, type WishStream } from './wishes-seed.ts';
// The service's own models, which infra's seed builds the indexes and inserts through.
export { createModels } from '../models/index.ts';
// The scorecard rollups of the generated wishes, added up as they are generated.
export { ScorecardRollupTotals } from '../domain/scorecard-rollup-totals.ts';
export { rollupBuildDocument, rollupDocument } from '../persistence/scorecard-rollup-build.ts';
