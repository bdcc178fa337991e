import type { Types } from 'mongoose';
import type { ObjectIdSource } from './object-ids.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

/*
 * The contract between the services' seeds: what one service's seed needs to know of another's
 * records, as ids and a few plain facts. Each service generates its own documents; its documents
 * have these fields, so the others are handed the same objects seen through these types, never
 * another service's model.
 */

type Id = Types.ObjectId;

export interface GeoPoint {
  longitude: number;
  latitude: number;
}

/** An organisation as others name, scope and call it. */
export interface OrganisationReference {
  _id: Id;
  name: string;
  /** Its ancestors' ids, then its own. */
  path: Id[];
  createdAt: Date;
  contact: { phone: string | null };
}

/** One community (社区) and the bodies under it, with what later steps need to know about it. */
export interface CommunityOrganisations<Organisation extends OrganisationReference = OrganisationReference> {
  /** 新城社区: how people name the community in addresses and text. */
  name: string;
  community: Organisation;
  residentsCommittee: Organisation;
  serviceCentre: Organisation;
  branches: Organisation[];
  propertyCompany: Organisation;
  ownersCommittee: Organisation;
  volunteerTeams: Organisation[];
  coBuildingUnits: Organisation[];
  /** Residential compounds (小区), the first one with the owners' committee. */
  compounds: string[];
  households: number;
  centre: GeoPoint;
}

export interface StreetOrganisations<Organisation extends OrganisationReference = OrganisationReference> {
  /** 江心洲街道 */
  name: string;
  street: Organisation;
  serviceCentre: Organisation;
  volunteerTeam: Organisation;
  communities: CommunityOrganisations<Organisation>[];
}

/** As organisations' GridLevel: the seed lays out three levels, but a grid it reads may have any. */
export type GridLevel = 'COMMUNITY' | 'GENERAL' | 'MICRO' | 'STREET' | 'BRANCH' | 'PARTY_GROUP';

/** A grid of the organisations service, as households and residents are placed in it. */
export interface GridReference {
  _id: Id;
  name: string;
  level: GridLevel;
  communityId: Id;
  organisationPath: Id[];
  partyBranchId: Id | null;
}

/**
 * Opens a grid below `parent` (a community grid without one). The residents seed lays out a
 * community's grids and households together, asking the organisations seed for each grid, so
 * that their ids and dates come in the order they always did.
 */
export type GridOpener = (level: GridLevel, name: string, parent: GridReference | null, partyBranchId: Id | null) => GridReference;

/** The resident chosen to look after a grid (网格长). */
export interface GridResponsible {
  gridId: Id;
  residentId: Id;
}

/** A resident as others sign up, serve, pick as requester or voter. */
export interface ResidentReference {
  _id: Id;
  gridId: Id;
  birthYear: number | null;
  specialCare: readonly string[];
}

/** Activities with the hours residents served at them, for their points ledgers. */
export interface ActivityAttendance {
  activities: readonly { _id: Id; title: string; endsAt: Date }[];
  checkIns: readonly { activityId: Id; residentId: Id; hours: number }[];
}

/** A wish as a meeting may take it up. */
export interface WishReference {
  _id: Id;
  title: string;
  status: string;
  communityId: Id;
  createdAt: Date;
}

/** One community as the organisations and residents seeds made it, for the services that build on it. */
export interface SeededCommunity {
  street: StreetOrganisations;
  organisations: CommunityOrganisations;
  residents: readonly ResidentReference[];
  volunteers: readonly ResidentReference[];
  /** The tripartite agreement: its deadlines for the requests the property company handles, remembered on them by id. */
  agreement: { _id: Id; responseDeadlineHours: number; resolutionDeadlineHours: number };
}

/**
 * Everything the organisations and residents seeds made that the other services build on. Each
 * generates its records from it with its own random stream (`random.fork('<service>')`) and the
 * shared ids and timeline, so that adding a service changes no record of another.
 */
export interface SeedWorld {
  streets: readonly StreetOrganisations[];
  communities: readonly SeededCommunity[];
  timeline: Timeline;
  random: Random;
  ids: ObjectIdSource;
}
