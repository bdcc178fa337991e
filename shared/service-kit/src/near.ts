import type { Model, PipelineStage, QueryFilter, Types } from 'mongoose';
import { toGeoJsonPoint, type GeoJsonPoint, type GeoPointInput } from './geo.ts';
import { decodeCursor, pageOf, pageSize, type Connection, type Edge, type PageArgs } from './pagination.ts';
import { requireIntInRange } from './validate.ts';

/** The GraphQL shape of "near me" (`NearInput { point radiusMetres }`). */
export interface NearInput {
  point: GeoPointInput;
  radiusMetres: number;
}

/** A validated search around a point. */
export interface NearSearch {
  centre: GeoJsonPoint;
  radiusMetres: number;
}

// A neighbourhood search: a district is crossed within 50 km.
export const MAX_NEAR_RADIUS_METRES = 50_000;

/** MongoDB's radius of the earth for spherical distances ($geoNear, $centerSphere). */
const EARTH_RADIUS_METRES = 6_378_100;

/** Where $geoNear puts each document's distance; also the sort field of the cursors. */
const DISTANCE_FIELD = 'distanceMetres';

export interface NearEdge<T> extends Edge<T> {
  /** Whole metres from the search's point, rounded half up. */
  distanceMetres: number;
}

export interface NearConnection<T> extends Connection<T> {
  edges: NearEdge<T>[];
}

/** A search from its input; a bad point or radius is BAD_USER_INPUT on `field`.point or `field`.radiusMetres. */
export function nearSearch(field: string, near: NearInput): NearSearch {
  return {
    centre: toGeoJsonPoint(`${field}.point`, near.point),
    radiusMetres: requireIntInRange(`${field}.radiusMetres`, near.radiusMetres, 1, MAX_NEAR_RADIUS_METRES),
  };
}

/**
 * A page of the documents matching `filter` whose `key` (a GeoJSON point on a 2dsphere index) lies
 * within the search's radius, nearest first. `$geoNear` comes first, as MongoDB requires; the
 * cursor holds the exact distance and the id, so that documents at the same distance (activities
 * at one community centre) page in id order and none is skipped or repeated. `minDistance` starts
 * the index scan at the cursor's distance; the `$match` drops what came before it at that distance.
 */
export async function paginateNear<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  key: string,
  filter: QueryFilter<T>,
  search: NearSearch,
  args: PageArgs,
  projection: Record<string, 0 | 1>,
): Promise<NearConnection<T>> {
  const limit = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, 'number') : undefined;
  const afterDistance = after?.sortValue as number | undefined;
  const pipeline: PipelineStage[] = [
    {
      $geoNear: {
        near: search.centre,
        key,
        distanceField: DISTANCE_FIELD,
        spherical: true,
        maxDistance: search.radiusMetres,
        ...(after ? { minDistance: afterDistance } : {}),
        query: filter as Record<string, unknown>,
      },
    },
    ...(after ? [{ $match: { $or: [{ [DISTANCE_FIELD]: { $gt: afterDistance } }, { [DISTANCE_FIELD]: afterDistance, _id: { $gt: after.id } }] } }] : []),
    { $sort: { [DISTANCE_FIELD]: 1, _id: 1 } },
    // One extra document tells whether another page follows.
    { $limit: limit + 1 },
    { $project: { ...projection, [DISTANCE_FIELD]: 1 } },
  ];
  const documents = limit === 0 ? [] : await model.aggregate<T & { [DISTANCE_FIELD]: number }>(pipeline);
  const page = pageOf(documents, limit, { field: DISTANCE_FIELD, direction: 1 }, () => model.countDocuments({ $and: [filter, withinRadius(key, search)] } as QueryFilter<T>).exec());
  return {
    ...page,
    edges: page.edges.map(({ cursor, node: { [DISTANCE_FIELD]: distance, ...node } }) => ({ cursor, node: node as unknown as T, distanceMetres: Math.round(distance) })),
  };
}

/** The same circle as $geoNear's maxDistance, for counting (countDocuments takes no $near). */
function withinRadius(key: string, search: NearSearch): Record<string, unknown> {
  return { [key]: { $geoWithin: { $centerSphere: [search.centre.coordinates, search.radiusMetres / EARTH_RADIUS_METRES] } } };
}
