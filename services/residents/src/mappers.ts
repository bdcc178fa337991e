import type { Connection, Edge } from '@civic/service-kit';
import type { GridLevel } from './domain/vocabulary.ts';
import type { Standing } from './domain/points-ranking.ts';
import type { DataCorrectionRequestDocument, HouseholdDocument, PersonalDataReadDocument, PointsEntryDocument, ResidentDocument } from './models/index.ts';

/** What resolvers of types that are not stored documents receive as their parent (codegen mappers). */

/** Another department's entity, as a federation reference; Grid may carry the level it requires. */
export interface GridReference {
  id: string;
  level?: GridLevel | null;
}

export interface OrganisationReference {
  id: string;
}

/** A resident's ledger, given only to viewers who read the resident's personal facts. */
export interface PointsAccountParent {
  residentId: string;
}

export type ResidentConnectionParent = Connection<ResidentDocument>;
export type ResidentEdgeParent = Edge<ResidentDocument>;
export type HouseholdConnectionParent = Connection<HouseholdDocument>;
export type HouseholdEdgeParent = Edge<HouseholdDocument>;
export type PointsEntryConnectionParent = Connection<PointsEntryDocument>;
export type PointsEntryEdgeParent = Edge<PointsEntryDocument>;
export type PointsStandingEdgeParent = Edge<Standing>;
export type DataCorrectionRequestConnectionParent = Connection<DataCorrectionRequestDocument>;
export type DataCorrectionRequestEdgeParent = Edge<DataCorrectionRequestDocument>;
export type PersonalDataReadConnectionParent = Connection<PersonalDataReadDocument>;
export type PersonalDataReadEdgeParent = Edge<PersonalDataReadDocument>;
