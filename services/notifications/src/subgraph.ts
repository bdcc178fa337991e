import { loadTypeDefs, type SubgraphDefinition } from '@civic/service-kit';
import { createModels, type Models } from './models/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { inboxConsumer } from './consumers/inbox-consumer.ts';
import { residentClosureConsumer } from './consumers/resident-closure-consumer.ts';

export const notificationsSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'notifications',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  createModels,
  createLoaders,
  consumers: [inboxConsumer, residentClosureConsumer],
};
