import type { Types } from 'mongoose';
import { isHexId, loadAll, objectIdsOf } from '@civic/service-kit';
import { placesOf, postReadingOf, NO_PLACES, type ViewerPlaces } from '../domain/post-audience.ts';
import { residentHome } from '../graph/residents.ts';
import type { Context } from '../context.ts';

/**
 * The caller's places (domain/post-audience.ts), found once per request: where a resident lives
 * comes from the residents department (one request to the graph, as this service), the paths of
 * the organisations in their scope from this department's own tree. Only for callers who read by
 * audience; everyone else needs none.
 */
export function viewerPlaces({ viewer, loaders, graph }: Pick<Context, 'viewer' | 'loaders' | 'graph'>): Promise<ViewerPlaces> {
  if (postReadingOf(viewer) !== 'BY_AUDIENCE') return Promise.resolve(NO_PLACES);
  return loaders.viewerPlaces.once(async () => {
    const [home, scope] = await Promise.all([homeOf(viewer.residentId, { loaders, graph }), loadAll(loaders.organisation, objectIdsOf(viewer.scope))]);
    return placesOf(home, scope.map((organisation) => organisation.path));
  });
}

async function homeOf(residentId: string | null, { loaders, graph }: Pick<Context, 'loaders' | 'graph'>): Promise<{ organisationPath: Types.ObjectId[]; gridPath: Types.ObjectId[] } | null> {
  if (!residentId || !isHexId(residentId)) return null;
  const home = await residentHome(graph, residentId);
  const grid = home?.gridId ? await loaders.grid.load(home.gridId) : null;
  if (grid) return { organisationPath: grid.organisationPath, gridPath: [...grid.ancestorIds, grid._id] };
  const community = home?.communityId ? await loaders.organisation.load(home.communityId) : null;
  return community && { organisationPath: community.path, gridPath: [] };
}
