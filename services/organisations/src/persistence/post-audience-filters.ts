import type { QueryFilter } from 'mongoose';
import type { Viewer } from '@civic/identity';
import { staffScopeIds } from '@civic/service-kit';
import { postReadingOf, type ViewerPlaces } from '../domain/post-audience.ts';
import type { PostDocument } from '../models/post.ts';

/** domain/post-audience.ts as database filters, so listings page and count only what the caller reads. */

/** Posts aimed at the caller's places: `$in` on both halves of the audience index. */
export function aimedAtFilter(places: ViewerPlaces): QueryFilter<PostDocument> {
  return { audienceId: { $in: places.organisationIds }, audienceGridId: { $in: [null, ...places.gridIds] } };
}

/** Every post the caller may read (`canSeePost`). */
export function readablePostsFilter(viewer: Viewer, places: ViewerPlaces): QueryFilter<PostDocument> {
  switch (postReadingOf(viewer)) {
    case 'EVERY_POST':
      return {};
    case 'PUBLIC_ONLY':
      return { public: true };
    case 'BY_AUDIENCE': {
      const scope = staffScopeIds(viewer);
      return { $or: [{ public: true }, aimedAtFilter(places), ...(scope.length > 0 ? [{ audiencePath: { $in: scope } }] : [])] };
    }
  }
}
