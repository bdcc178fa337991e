import { Types, type QueryFilter } from 'mongoose';
import { parseId, requireSignedIn, requireText, paginate, loadForInput, invalidInput } from '@civic/service-kit';
import type { MutationResolvers, PostFilter, PublishPostInput, QueryResolvers } from '../generated/resolvers-types.ts';
import { POST_FIELDS, type PostDocument } from '../models/post.ts';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH, audienceError, gridAudienceError, gridAudiencePath, twoAudiences } from '../domain/post-rules.ts';
import { canSeePost, postReadingOf, NO_PLACES } from '../domain/post-audience.ts';
import { aimedAtFilter, readablePostsFilter } from '../persistence/post-audience-filters.ts';
import { viewerPlaces } from '../persistence/viewer-places.ts';
import { requireTreeManager } from '../authorisation.ts';
import { publishPostOutOfScope, readFeedOutsideAudiences } from '../errors.ts';
import type { Context } from '../context.ts';

const NEWEST_FIRST = { field: 'publishedAt', direction: -1 } as const;

export const postQueries: QueryResolvers = {
  post: async (_parent, { id }, context) => {
    const post = await context.loaders.post.load(id);
    if (!post) return null;
    const places = post.public ? NO_PLACES : await viewerPlaces(context);
    return canSeePost(context.viewer, post, places) ? post : null;
  },
  posts: async (_parent, { filter, first, after }, context) => {
    const readable = readablePostsFilter(context.viewer, await viewerPlaces(context));
    return paginate(context.models.Post, { $and: [postFilter(filter), readable] }, { first, after }, NEWEST_FIRST, POST_FIELDS);
  },
  myFeed: async (_parent, { first, after, kind }, context) => {
    requireSignedIn(context.viewer);
    if (postReadingOf(context.viewer) !== 'BY_AUDIENCE') throw readFeedOutsideAudiences();
    const aimed = aimedAtFilter(await viewerPlaces(context));
    return paginate(context.models.Post, kind ? { kind, ...aimed } : aimed, { first, after }, NEWEST_FIRST, POST_FIELDS);
  },
};

export const postMutations: MutationResolvers = {
  publishPost: async (_parent, { input }, context) => {
    const { viewer, models, loaders, clock } = context;
    requireSignedIn(viewer);
    const publisher = await loadForInput(loaders.organisation, 'publisherId', input.publisherId, 'organisation');
    requireTreeManager(viewer, publisher.path, publishPostOutOfScope);
    const audience = await audienceOf(input, publisher, context);
    const document: PostDocument = {
      _id: new Types.ObjectId(),
      publisherId: publisher._id,
      ...audience,
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

/** The publisher itself by default, a part of its subtree, or a grid of a community in it. */
async function audienceOf(
  input: PublishPostInput,
  publisher: { _id: Types.ObjectId; path: Types.ObjectId[] },
  { loaders }: Context,
): Promise<Pick<PostDocument, 'audienceId' | 'audienceGridId' | 'audiencePath'>> {
  if (input.audienceGridId) {
    if (input.audienceId) throw invalidInput(twoAudiences());
    const grid = await loadForInput(loaders.grid, 'audienceGridId', input.audienceGridId, 'grid');
    const misdirected = gridAudienceError(publisher._id, grid);
    if (misdirected) throw invalidInput(misdirected);
    return { audienceId: grid.communityId, audienceGridId: grid._id, audiencePath: gridAudiencePath(grid) };
  }
  const audience = input.audienceId ? await loadForInput(loaders.organisation, 'audienceId', input.audienceId, 'organisation') : publisher;
  const misdirected = audienceError(publisher._id, audience.path);
  if (misdirected) throw invalidInput(misdirected);
  return { audienceId: audience._id, audienceGridId: null, audiencePath: audience.path };
}

function postFilter(filter: PostFilter | null | undefined): QueryFilter<PostDocument> {
  const query: QueryFilter<PostDocument> = {};
  if (!filter) return query;
  // Published to the subtree or to any part of it: the audience's path holds the subtree's root.
  if (filter.audienceWithin) query.audiencePath = parseId('filter.audienceWithin', filter.audienceWithin);
  if (filter.publisherId) query.publisherId = parseId('filter.publisherId', filter.publisherId);
  if (filter.kind) query.kind = filter.kind;
  return query;
}
