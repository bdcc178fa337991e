import { idOf, loadReferenced } from '@civic/service-kit';
import type { PostResolvers } from '../generated/resolvers-types.ts';

export const Post: PostResolvers = {
  id: idOf,
  publisher: (post, _args, { loaders }) => loadReferenced(loaders.organisation, post.publisherId, 'Organisation'),
  audience: (post, _args, { loaders }) => loadReferenced(loaders.organisation, post.audienceId, 'Organisation'),
  audienceGrid: (post, _args, { loaders }) => (post.audienceGridId ? loadReferenced(loaders.grid, post.audienceGridId, 'Grid') : null),
};
