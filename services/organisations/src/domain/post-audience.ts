import type { Types } from 'mongoose';
import { hasRole, isAnonymous, staffCovers, type Viewer } from '@civic/identity';
import { readsAsAnalyst } from '@civic/service-kit';

/**
 * Who reads a post of the micro-platform (微平台). A public post is for everyone. Any other post is
 * for its audience, the subtree of an organisation or of a grid:
 * - the callers it is aimed at: the audience is one of their places (below), so they lie in it;
 * - staff whose scope covers the audience (it lies within a subtree they act in);
 * - services.
 * Analysts read public posts only, like anonymous callers: they take part in no audience.
 */

/**
 * Where a caller belongs, each with everything above it: a post aimed at one of these reaches them.
 * A resident belongs to the community they live in and to their grid. Anyone with a scope (staff,
 * or a member of a volunteer team or co-building unit acting for it) also belongs to each
 * organisation they act for: a street's post reaches a community worker of that street.
 */
export interface ViewerPlaces {
  organisationIds: Types.ObjectId[];
  gridIds: Types.ObjectId[];
}

export const NO_PLACES: ViewerPlaces = Object.freeze({ organisationIds: [], gridIds: [] }) as ViewerPlaces;

/** What a post's audience is stored as (models/post.ts). */
export interface PostAudience {
  public: boolean;
  audienceId: Types.ObjectId;
  audienceGridId: Types.ObjectId | null;
  audiencePath: readonly Types.ObjectId[];
}

/** How a caller's readable posts are found: all of them, the public ones, or by audience (their places needed). */
export type PostReading = 'EVERY_POST' | 'PUBLIC_ONLY' | 'BY_AUDIENCE';

export function postReadingOf(viewer: Viewer): PostReading {
  if (hasRole(viewer, 'SERVICE')) return 'EVERY_POST';
  if (isAnonymous(viewer) || readsAsAnalyst(viewer)) return 'PUBLIC_ONLY';
  return 'BY_AUDIENCE';
}

/** The post's audience is one of the caller's places: an organisation above them and, for a grid's post, a grid above them. */
export function isAimedAt(post: PostAudience, places: ViewerPlaces): boolean {
  const atOrganisation = places.organisationIds.some((id) => id.equals(post.audienceId));
  const audienceGridId = post.audienceGridId;
  return atOrganisation && (audienceGridId === null || places.gridIds.some((id) => id.equals(audienceGridId)));
}

export function canSeePost(viewer: Viewer, post: PostAudience, places: ViewerPlaces): boolean {
  if (post.public) return true;
  switch (postReadingOf(viewer)) {
    case 'EVERY_POST':
      return true;
    case 'PUBLIC_ONLY':
      return false;
    case 'BY_AUDIENCE':
      return staffCovers(viewer, post.audiencePath) || isAimedAt(post, places);
  }
}

/** Places from where the caller lives (a grid's organisation path and grid chain, or a community's path) and what they act for. */
export function placesOf(home: { organisationPath: readonly Types.ObjectId[]; gridPath: readonly Types.ObjectId[] } | null, scopePaths: readonly (readonly Types.ObjectId[])[]): ViewerPlaces {
  return {
    organisationIds: distinct([...(home?.organisationPath ?? []), ...scopePaths.flat()]),
    gridIds: distinct(home?.gridPath ?? []),
  };
}

function distinct(ids: readonly Types.ObjectId[]): Types.ObjectId[] {
  const seen = new Map(ids.map((id) => [id.toHexString(), id]));
  return [...seen.values()];
}
