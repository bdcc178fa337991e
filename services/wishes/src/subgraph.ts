import { loadTypeDefs, type SubgraphDefinition } from '@civic/service-kit';
import { createModels, type Models } from './models/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { residentClosureConsumer } from './consumers/resident-closure-consumer.ts';
import { backfillHandlerHistory } from './persistence/handler-history-backfill.ts';
import { buildScorecardRollups } from './persistence/scorecard-rollup-build.ts';

export const wishesSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'wishes',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  createModels,
  createLoaders,
  backfill: async (models) => {
    const filled = await backfillHandlerHistory(models);
    await buildScorecardRollups(models, { wishesChanged: filled > 0, now: new Date() });
  },
  consumers: [residentClosureConsumer],
};
