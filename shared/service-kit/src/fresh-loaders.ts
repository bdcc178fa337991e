import type { SubgraphContext } from './context.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

type MutationField = (parent: unknown, args: unknown, context: SubgraphContext<object, unknown>, info: unknown) => unknown;

/**
 * The resolvers with each mutation answering through loaders built after its write. A mutation
 * checks what it changes through the request's loaders, and a loader caches what it read: the
 * answer's fields, read through the same loaders, would show the documents as they were before
 * the write (a decision answered with its micro-project still under review).
 */
export function withFreshLoadersAfterMutations<TModels extends object, TLoaders>(definition: SubgraphDefinition<TModels, TLoaders>): object {
  const resolvers = definition.resolvers as Record<string, unknown>;
  const mutations = resolvers['Mutation'] as Record<string, unknown> | undefined;
  if (!mutations) return resolvers;
  const fresh = Object.entries(mutations).map(([name, resolve]) => {
    if (typeof resolve !== 'function') throw new Error(`Mutation.${name} must be a resolver function`);
    const field = resolve as MutationField;
    const answeringAfresh: MutationField = async (parent, args, context, info) => {
      const answer = await field(parent, args, context, info);
      context.loaders = definition.createLoaders(context.models as TModels, context.viewer, context.request);
      return answer;
    };
    return [name, answeringAfresh];
  });
  return { ...resolvers, Mutation: Object.fromEntries(fresh) };
}
