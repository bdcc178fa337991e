import type { Connection, Edge } from '@civic/service-kit';
import type { OrganisationDocument } from './models/organisation.ts';
import type { GridDocument } from './models/grid.ts';
import type { ActivityDocument } from './models/activity.ts';
import type { PostDocument } from './models/post.ts';
import type { MobilisationDocument } from './models/mobilisation.ts';
import type { HouseholdVisitDocument } from './models/household-visit.ts';
import type { PartnershipDocument } from './models/partnership.ts';
import type { AgreementDocument } from './models/agreement.ts';
import type { ActivitySignUpDocument } from './models/activity-sign-up.ts';
import type { ActivityCheckInDocument } from './models/activity-check-in.ts';

/** What the connection resolvers return (codegen maps the GraphQL connection types to these). */
export type OrganisationConnectionParent = Connection<OrganisationDocument>;
export type OrganisationEdgeParent = Edge<OrganisationDocument>;
export type GridConnectionParent = Connection<GridDocument>;
export type GridEdgeParent = Edge<GridDocument>;
export type ActivityConnectionParent = Connection<ActivityDocument>;
/** With filter.near, an edge also holds its distance (NearEdge). */
export type ActivityEdgeParent = Edge<ActivityDocument> & { distanceMetres?: number };
export type PostConnectionParent = Connection<PostDocument>;
export type PostEdgeParent = Edge<PostDocument>;
export type MobilisationConnectionParent = Connection<MobilisationDocument>;
export type MobilisationEdgeParent = Edge<MobilisationDocument>;
export type HouseholdVisitConnectionParent = Connection<HouseholdVisitDocument>;
export type HouseholdVisitEdgeParent = Edge<HouseholdVisitDocument>;
export type PartnershipConnectionParent = Connection<PartnershipDocument>;
export type PartnershipEdgeParent = Edge<PartnershipDocument>;
export type AgreementConnectionParent = Connection<AgreementDocument>;
export type AgreementEdgeParent = Edge<AgreementDocument>;
/** Activity.participants pages the sign-ups; each edge's node is the resident who signed up. */
export type ActivityParticipantConnectionParent = Connection<ActivitySignUpDocument>;
export type ActivityParticipantEdgeParent = Edge<ActivitySignUpDocument>;
export type ActivityCheckInConnectionParent = Connection<ActivityCheckInDocument>;
export type ActivityCheckInEdgeParent = Edge<ActivityCheckInDocument>;

/** A Resident as this subgraph knows it: its key, and where it lives when a field @requires it. */
export interface ResidentReference {
  id: string;
  organisationPath?: string[];
}
