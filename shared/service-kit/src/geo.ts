import { latitudeOutOfRange, longitudeOutOfRange } from './input-errors.ts';

/** The GraphQL shape of a place (`GeoPoint { longitude latitude }`). */
export interface GeoPointInput {
  longitude: number;
  latitude: number;
}

/** GeoJSON as MongoDB stores it, longitude first. */
export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}

export function toGeoJsonPoint(field: string, point: GeoPointInput): GeoJsonPoint {
  if (!(point.longitude >= -180 && point.longitude <= 180)) throw longitudeOutOfRange(field);
  if (!(point.latitude >= -90 && point.latitude <= 90)) throw latitudeOutOfRange(field);
  return { type: 'Point', coordinates: [point.longitude, point.latitude] };
}

export function fromGeoJsonPoint(point: GeoJsonPoint): GeoPointInput {
  return { longitude: point.coordinates[0], latitude: point.coordinates[1] };
}
