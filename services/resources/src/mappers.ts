import type { Types } from 'mongoose';
import type { Connection, Edge } from '@civic/service-kit';
import type { ResourceDocument } from './models/resource.ts';
import type { LedgerEntryDocument } from './models/ledger-entry.ts';
import type { BookingDocument } from './models/booking.ts';
import type { DisbursementDocument } from './models/disbursement.ts';
import type { ParkingApplicationDocument } from './models/parking-application.ts';

/** What the connection resolvers return (codegen maps the GraphQL connection types to these). */
export type ResourceConnectionParent = Connection<ResourceDocument>;
/** With filter.near, an edge also holds its distance (NearEdge). */
export type ResourceEdgeParent = Edge<ResourceDocument> & { distanceMetres?: number };
export type FundLedgerEntryConnectionParent = Connection<LedgerEntryDocument>;
export type FundLedgerEntryEdgeParent = Edge<LedgerEntryDocument>;
export type FundConnectionParent = Connection<ResourceDocument>;
export type FundEdgeParent = Edge<ResourceDocument>;
export type BookingConnectionParent = Connection<BookingDocument>;
export type BookingEdgeParent = Edge<BookingDocument>;
export type DisbursementConnectionParent = Connection<DisbursementDocument>;
export type DisbursementEdgeParent = Edge<DisbursementDocument>;
export type ParkingApplicationConnectionParent = Connection<ParkingApplicationDocument>;
export type ParkingApplicationEdgeParent = Edge<ParkingApplicationDocument>;

/** Entities of other subgraphs as this one knows them: their key, and the type for the Actor union. */
export interface OrganisationReference {
  __typename: 'Organisation';
  id: string;
}

export interface ResidentReference {
  __typename: 'Resident';
  id: string;
  /** Where the resident lives, when a field @requires it. */
  organisationPath?: string[];
}

/** A Wish as the gateway hands it over: its key, and the fields matching @requires. */
export interface WishReference {
  id: string;
  tags?: string[];
  organisationPath?: string[];
}

export function organisationReference(id: Types.ObjectId | string): OrganisationReference {
  return { __typename: 'Organisation', id: String(id) };
}

export function residentReference(id: Types.ObjectId | string): ResidentReference {
  return { __typename: 'Resident', id: String(id) };
}
