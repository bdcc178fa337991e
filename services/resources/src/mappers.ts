import type { Types } from 'mongoose';
import type { Connection, Edge } from '@civic/service-kit';
import type { ResourceDocument } from './models/resource.ts';
import type { LedgerEntryDocument } from './models/ledger-entry.ts';

/** What the connection resolvers return (codegen maps the GraphQL connection types to these). */
export type ResourceConnectionParent = Connection<ResourceDocument>;
export type ResourceEdgeParent = Edge<ResourceDocument>;
export type FundLedgerEntryConnectionParent = Connection<LedgerEntryDocument>;
export type FundLedgerEntryEdgeParent = Edge<LedgerEntryDocument>;

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
