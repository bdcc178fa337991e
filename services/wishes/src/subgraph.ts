import { loadTypeDefs, type SubgraphDefinition } from '@civic/service-kit';
import { createModels, type Models } from './models/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { residentClosureConsumer } from './consumers/resident-closure-consumer.ts';
import { backfillHandlerHistory } from './persistence/handler-history-backfill.ts';

export const wishesSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'wishes',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  createModels,
  createLoaders,
  backfill: async (models) => {
    await backfillHandlerHistory(models);
  },
  consumers: [residentClosureConsumer],
};
