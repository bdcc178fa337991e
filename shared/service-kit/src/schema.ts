import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { GraphQLSchema } from 'graphql';
import { scalarResolvers } from './scalars.ts';
import { withFreshLoadersAfterMutations } from './fresh-loaders.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/** The executable Federation 2 schema of a subgraph. */
export function buildSchema<TModels extends object, TLoaders>(definition: SubgraphDefinition<TModels, TLoaders>): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: definition.typeDefs,
    resolvers: { ...scalarResolvers, ...withFreshLoadersAfterMutations(definition) } as GraphQLResolverMap<unknown>,
  });
}
