import { Types, type QueryFilter } from 'mongoose';
import { isAnonymous } from '@civic/identity';
import { parseId, requireSignedIn, requireText, paginate, loadForInput, invalidInput } from '@civic/service-kit';
import type { MutationResolvers, PostFilter, QueryResolvers } from '../generated/resolvers-types.ts';
import { POST_FIELDS, type PostDocument } from '../models/post.ts';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH, audienceError } from '../domain/post-rules.ts';
import { canSeePost, requireTreeManager } from '../authorisation.ts';
import { publishPostOutOfScope } from '../errors.ts';

export const postQueries: QueryResolvers = {
  post: async (_parent, { id }, { loaders, viewer }) => {
    const post = await loaders.post.load(id);
    return post && canSeePost(viewer, post) ? post : null;
  },
  posts: (_parent, { filter, first, after }, { models, viewer }) => {
    const query = postFilter(filter);
    if (isAnonymous(viewer)) query.public = true;
    return paginate(models.Post, query, { first, after }, { field: 'publishedAt', direction: -1 }, POST_FIELDS);
  },
};

export const postMutations: MutationResolvers = {
  publishPost: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const publisher = await loadForInput(loaders.organisation, 'publisherId', input.publisherId, 'organisation');
    requireTreeManager(viewer, publisher.path, publishPostOutOfScope);
    const audience = input.audienceId ? await loadForInput(loaders.organisation, 'audienceId', input.audienceId, 'organisation') : publisher;
    const misdirected = audienceError(publisher._id, audience.path);
    if (misdirected) throw invalidInput(misdirected);

    const document: PostDocument = {
      _id: new Types.ObjectId(),
      publisherId: publisher._id,
      audienceId: audience._id,
      audiencePath: audience.path,
      kind: input.kind,
      title: requireText('title', input.title, { max: MAX_TITLE_LENGTH }),
      body: requireText('body', input.body, { max: MAX_BODY_LENGTH }),
      publishedAt: clock.now(),
      public: input.public,
    };
    await models.Post.create(document);
    return document;
  },
};

function postFilter(filter: PostFilter | null | undefined): QueryFilter<PostDocument> {
  const query: QueryFilter<PostDocument> = {};
  if (!filter) return query;
  // Published to the subtree or to any part of it: the audience's path holds the subtree's root.
  if (filter.audienceWithin) query.audiencePath = parseId('filter.audienceWithin', filter.audienceWithin);
  if (filter.publisherId) query.publisherId = parseId('filter.publisherId', filter.publisherId);
  if (filter.kind) query.kind = filter.kind;
  return query;
}
