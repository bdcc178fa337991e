import { loadTypeDefs, type SubgraphDefinition } from '@civic/service-kit';
import { createModels, type Models } from './models/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { pointsConsumer } from './consumers/points-consumer.ts';
import { accessLogConsumer } from './consumers/access-log-consumer.ts';
import { registerResidentsMetrics } from './metrics.ts';

export const residentsSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'residents',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  createModels,
  createLoaders,
  registerMetrics: registerResidentsMetrics,
  consumers: [pointsConsumer, accessLogConsumer],
};
