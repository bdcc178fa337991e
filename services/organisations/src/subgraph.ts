import { loadTypeDefs, type SubgraphDefinition } from '@civic/service-kit';
import { createModels, type Models } from './models/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { residentClosureConsumer } from './consumers/resident-closure-consumer.ts';

export const organisationsSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'organisations',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  createModels,
  createLoaders,
  consumers: [residentClosureConsumer],
};
