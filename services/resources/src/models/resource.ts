import { Schema, type Connection, type Types } from 'mongoose';
import type { GeoJsonPoint } from '@civic/service-kit';
import { RESOURCE_KINDS, RESOURCE_POOLS, RESOURCE_STATUSES, WEEKDAYS, type ResourceKind, type ResourcePool, type ResourceStatus } from '../domain/vocabulary.ts';
import type { OpeningWindow } from '../domain/opening-hours.ts';
import { collectionOptions } from './schema-options.ts';

export interface ResourceContactDocument {
  name: string;
  phone: string;
}

export interface ResourcePlaceDocument {
  address: string;
  location: GeoJsonPoint;
}

export interface ResourceDocument {
  _id: Types.ObjectId;
  pool: ResourcePool;
  kind: ResourceKind;
  title: string;
  description: string;
  /** Exactly one of the two is set. */
  providerOrganisationId: Types.ObjectId | null;
  providerResidentId: Types.ObjectId | null;
  servedOrganisationId: Types.ObjectId;
  /** The served organisation's path (root..itself), asked of the graph at creation: organisations never move. */
  servedPath: Types.ObjectId[];
  tags: string[];
  skills: string[];
  /** Slot kinds. */
  openingHours: OpeningWindow[];
  slotMinutes: number | null;
  /** GOODS: units left; bookings take with a conditional $inc. */
  stock: number | null;
  /** FUND: the balance in fen; it moves only with a ledger entry, in one transaction (persistence/fund-movements.ts). */
  balanceFen: number | null;
  /** FUND: how many ledger entries it has; the next movement's entry takes the next number. */
  ledgerSequence: number | null;
  /** PARKING: places 1..parkingPlaces. */
  parkingPlaces: number | null;
  contact: ResourceContactDocument | null;
  place: ResourcePlaceDocument | null;
  status: ResourceStatus;
  createdAt: Date;
  createdBy: string;
}

export const RESOURCE_FIELDS = {
  pool: 1,
  kind: 1,
  title: 1,
  description: 1,
  providerOrganisationId: 1,
  providerResidentId: 1,
  servedOrganisationId: 1,
  servedPath: 1,
  tags: 1,
  skills: 1,
  openingHours: 1,
  slotMinutes: 1,
  stock: 1,
  balanceFen: 1,
  parkingPlaces: 1,
  contact: 1,
  place: 1,
  status: 1,
  createdAt: 1,
} as const;

const openingWindowSchema = new Schema<OpeningWindow>(
  {
    weekday: { type: String, enum: WEEKDAYS, required: true },
    opensAt: { type: Number, required: true },
    closesAt: { type: Number, required: true },
  },
  { _id: false },
);

const resourceSchema = new Schema<ResourceDocument>(
  {
    pool: { type: String, enum: RESOURCE_POOLS, required: true },
    kind: { type: String, enum: RESOURCE_KINDS, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    providerOrganisationId: { type: Schema.Types.ObjectId, default: null },
    providerResidentId: { type: Schema.Types.ObjectId, default: null },
    servedOrganisationId: { type: Schema.Types.ObjectId, required: true },
    servedPath: { type: [Schema.Types.ObjectId], required: true },
    tags: { type: [String], required: true },
    skills: { type: [String], required: true },
    openingHours: { type: [openingWindowSchema], required: true },
    slotMinutes: { type: Number, default: null },
    stock: { type: Number, default: null },
    balanceFen: { type: Number, default: null },
    ledgerSequence: { type: Number, default: null },
    parkingPlaces: { type: Number, default: null },
    contact: { type: new Schema<ResourceContactDocument>({ name: String, phone: String }, { _id: false }), default: null },
    place: {
      type: new Schema<ResourcePlaceDocument>(
        {
          address: { type: String, required: true },
          // GeoJSON, for the 2dsphere index.
          location: { type: { type: String, enum: ['Point'], required: true }, coordinates: { type: [Number], required: true } },
        },
        { _id: false },
      ),
      default: null,
    },
    status: { type: String, enum: RESOURCE_STATUSES, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  collectionOptions('resources'),
);

// resources(filter): by title, narrowed by subtree, pool, kind, tag and status.
resourceSchema.index({ servedPath: 1, status: 1, title: 1, _id: 1 });
resourceSchema.index({ status: 1, title: 1, _id: 1 });
resourceSchema.index({ pool: 1, status: 1, title: 1, _id: 1 });
resourceSchema.index({ kind: 1, status: 1, title: 1, _id: 1 });
resourceSchema.index({ tags: 1, status: 1, title: 1, _id: 1 });
// resources(filter: { near }): $geoNear, with the other filters as its query; resources without a place are not in it.
resourceSchema.index({ 'place.location': '2dsphere' });
// Wish.matchingResources: active resources serving one of the wish's organisations.
resourceSchema.index({ servedOrganisationId: 1, status: 1 });
// Organisation.resources and Organisation.funds.
resourceSchema.index({ providerOrganisationId: 1, title: 1 });
// A resident's data export: the resources they provide.
resourceSchema.index({ providerResidentId: 1 }, { partialFilterExpression: { providerResidentId: { $type: 'objectId' } } });

export function resourceModel(connection: Connection) {
  return connection.model<ResourceDocument>('Resource', resourceSchema);
}
